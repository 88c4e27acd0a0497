using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

/// <summary>ASVS 8.2.1: deny by default; anonymous only on an explicit allow-list.</summary>
[Trait("Category", "Database")]
public sealed class EndpointAuthorizationTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly HashSet<string> AnonymousAllowList =
    [
        "account/login", "account/login-2fa", "account/login-recovery", "account/culture",
    ];

    private IEnumerable<RouteEndpoint> Endpoints =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    [Fact]
    public void FallbackPolicy_RequiresAnAuthenticatedUser()
    {
        var policy = factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        Assert.NotNull(policy);
        Assert.Contains(policy.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public void OnlyAllowListedEndpoints_AreAnonymous()
    {
        var anonymous = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/'))
            // Framework and MudBlazor static files (css, js) are public by nature.
            .Where(p => !IsStaticAsset(p))
            .Distinct()
            .ToList();
        var unexpected = anonymous.Where(p => !AnonymousAllowList.Contains(p)).ToList();
        Assert.True(unexpected.Count == 0, "Anonymous endpoints not on the allow-list: " + string.Join(", ", unexpected));
        Assert.Contains("account/login", anonymous);
    }

    [Fact]
    public async Task EveryApiRoute_WithoutCredentials_Answers401()
    {
        var client = factory.CreateBrowserClient();
        var failures = new List<string>();
        var count = 0;
        foreach (var e in Endpoints.Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal)))
        {
            var path = "/" + System.Text.RegularExpressions.Regex.Replace((e.RoutePattern.RawText ?? "").TrimStart('/'), @"\{[^}]+\}",
                m => m.Value.Contains(":int", StringComparison.Ordinal) ? "2026" : Guid.NewGuid().ToString());
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                count++;
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{method} {path}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(count > 20, $"only {count} API routes found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToLogin()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/admin/org");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static bool IsStaticAsset(string pattern) =>
        pattern.StartsWith("_framework/", StringComparison.Ordinal) || pattern.StartsWith("_content/", StringComparison.Ordinal)
        || System.IO.Path.HasExtension(pattern);
}
