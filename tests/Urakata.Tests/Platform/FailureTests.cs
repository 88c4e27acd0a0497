using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

/// <summary>A clock that can be made to fail, to force an unexpected exception deep inside a request.</summary>
public sealed class BreakableClock : TimeProvider
{
    public bool Broken { get; set; }

    public override DateTimeOffset GetUtcNow() =>
        Broken ? throw new InvalidOperationException("simulated failure: Host=db.internal;Password=hunter2") : System.GetUtcNow();
}

public sealed class BreakableFactory : UrakataFactory
{
    public BreakableClock BreakableClock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(BreakableClock));
    }
}

[Trait("Category", "Database")]
public sealed class FailureTests(BreakableFactory factory) : IClassFixture<BreakableFactory>
{
    [Fact]
    public async Task UnexpectedException_Answers500ProblemDetails_WithTraceIdOnly()
    {
        var c = await factory.CreateCompanyAsync("障害株式会社", "fail-a");
        var client = await factory.CreateApiClientAsync(c);
        factory.BreakableClock.Broken = true;
        try
        {
            var response = await client.GetAsync("/api/v1/platform/departments");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("traceId", body, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
        finally
        {
            factory.BreakableClock.Broken = false;
        }
    }

    [Fact]
    public async Task BlazorWebSocket_FromAForeignOrigin_IsRefused()
    {
        var client = factory.CreateBrowserClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);

        using var same = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        same.Headers.Add("Origin", "https://localhost");
        Assert.NotEqual(HttpStatusCode.Forbidden, (await client.SendAsync(same)).StatusCode);
    }
}
