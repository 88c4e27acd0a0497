using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Features;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

[Trait("Category", "Database")]
public sealed class IdempotencyTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task SameKey_ReplaysTheFirstResponse_AndCreatesOnce()
    {
        var c = await factory.CreateCompanyAsync("冪等株式会社", "idem-a");
        var client = await factory.CreateApiClientAsync(c);
        var first = await PostAsync(client, "key-1", new SaveDepartment("I1", "営業部", null, null, 0));
        var second = await PostAsync(client, "key-1", new SaveDepartment("I1", "営業部", null, null, 0));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await first.Content.ReadFromJsonAsync<DepartmentDto>())!.Id, (await second.Content.ReadFromJsonAsync<DepartmentDto>())!.Id);
        Assert.Single(await client.GetFromJsonAsync<List<DepartmentDto>>("/api/v1/platform/departments") ?? []);
    }

    [Fact]
    public async Task SameKey_DifferentBody_Answers422()
    {
        var c = await factory.CreateCompanyAsync("冪等二株式会社", "idem-b");
        var client = await factory.CreateApiClientAsync(c);
        await PostAsync(client, "key-2", new SaveDepartment("J1", "開発部", null, null, 0));
        var reused = await PostAsync(client, "key-2", new SaveDepartment("J2", "別の部署", null, null, 0));
        Assert.True(reused.StatusCode == HttpStatusCode.UnprocessableEntity, await reused.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>1,000 keys, each sent by 10 concurrent requests: exactly 1,000 creates.</summary>
    [Fact]
    public async Task Storm_ThousandKeysTimesTenConcurrent_CreatesEachOnce()
    {
        var c = await factory.CreateCompanyAsync("嵐株式会社", "idem-c");
        var client = await factory.CreateApiClientAsync(c);
        const int keys = 1000;
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<Guid>>();
        await Parallel.ForEachAsync(Enumerable.Range(0, keys * 10), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (i, ct) =>
        {
            var key = $"storm-{i % keys}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/tokens") { Content = JsonContent.Create(new CreateAccessToken(key, 30)) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var created = await response.Content.ReadFromJsonAsync<CreatedAccessToken>(ct);
                ids.GetOrAdd(key, _ => []).Add(created!.Token.Id);
            }
        });
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(keys, ids.Count);
        Assert.All(ids.Values, v => Assert.Single(v.Distinct()));
        await using var scope = factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        Assert.Equal(keys, await db.AccessTokens.CountAsync(t => t.CompanyId == c.Id && t.Name.StartsWith("storm-")));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, SaveDepartment body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/departments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
