using System.Net;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

public sealed class StrictLoginLimitFactory : UrakataFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:LoginsPerMinute"] = "5" };
}

/// <summary>ASVS 6.1.1: sign-in attempts from one address are limited, on top of the per-account lockout.</summary>
[Trait("Category", "Database")]
public sealed class RateLimitTests(StrictLoginLimitFactory factory) : IClassFixture<StrictLoginLimitFactory>
{
    [Fact]
    public async Task SignInPage_BeyondTheLimitPerMinute_Answers429()
    {
        var client = factory.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync("/account/login")).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // Other pages are not limited by the sign-in policy.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/account/culture?culture=en-US")).StatusCode);
    }
}
