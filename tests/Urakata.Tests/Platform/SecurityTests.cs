using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

public sealed class SecurityFactory : UrakataFactory
{
    protected override bool UseFakeClock => true;
}

[Trait("Category", "Database")]
public sealed class SecurityTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Fact]
    public async Task PasswordHash_IsPbkdf2Sha512_WithAtLeast210000Iterations()
    {
        var c = await factory.CreateCompanyAsync("ハッシュ株式会社", "sec-hash");
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(c.AdminUserName);
        var bytes = Convert.FromBase64String(user!.PasswordHash!);
        // Identity V3 format: 0x01, PRF (2 = HMACSHA512), iteration count, salt length — all big-endian.
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 210_000);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var c = await factory.CreateCompanyAsync("ロック株式会社", "sec-lock");
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await BrowserForms.SignInAsync(client, c.AdminUserName, "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var locked = await BrowserForms.SignInAsync(client, c.AdminUserName, UrakataFactory.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("ロック", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(locked.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], v => v.StartsWith(UrakataHostCookie, StringComparison.Ordinal));
    }

    private const string UrakataHostCookie = "__Host-urakata=";

    [Fact]
    public async Task SignIn_SetsHostPrefixedSecureHttpOnlyCookie_AndSecurityHeaders()
    {
        var c = await factory.CreateCompanyAsync("クッキー株式会社", "sec-cookie");
        var client = factory.CreateBrowserClient();
        var page = await client.GetAsync("/account/login");
        Assert.All(page.Headers.GetValues("X-Content-Type-Options"), v => Assert.Equal("nosniff", v));
        Assert.Contains("frame-ancestors 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl?.NoStore);

        var response = await BrowserForms.SignInAsync(client, c.AdminUserName, UrakataFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith(UrakataHostCookie, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoACopiedCookieIsDead()
    {
        var c = await factory.CreateCompanyAsync("セッション株式会社", "sec-session");
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(client, c.AdminUserName, UrakataFactory.Password)).StatusCode);
        var copied = (await client.GetAsync("/")).RequestMessage!.Headers.GetValues("Cookie").Single();
        Assert.Contains(UrakataHostCookie, copied, StringComparison.Ordinal);

        var thief = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, copied)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.PostAsync(client, "/account/security", "/account/logout", [])).StatusCode);
        var replay = await GetWithCookieAsync(thief, copied);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/login", replay.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryOtherSessionAtOnce()
    {
        var c = await factory.CreateCompanyAsync("全端末株式会社", "sec-everywhere");
        var laptop = factory.CreateBrowserClient();
        var phone = factory.CreateBrowserClient();
        await BrowserForms.SignInAsync(laptop, c.AdminUserName, UrakataFactory.Password);
        await BrowserForms.SignInAsync(phone, c.AdminUserName, UrakataFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account/security")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.PostAsync(laptop, "/account/security", "/account/logout-everywhere", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account/security")).StatusCode);
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/security");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task TotpCode_IsAcceptedOnce_AndNotFromTwoStepsAgo()
    {
        var c = await factory.CreateCompanyAsync("ワンタイム株式会社", "sec-totp");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(c.AdminUserName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var secret = Totp.FromBase32((await users.GetAuthenticatorKeyAsync(user))!);
        var provider = users.Options.Tokens.AuthenticatorTokenProvider;
        var step = Totp.TimeStepAt(factory.Clock.GetUtcNow());

        Assert.False(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Code(secret, step - 2)));
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Code(secret, step)));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Code(secret, step)));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Code(secret, step - 1)));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Code(secret, step + 1)));
    }

    [Fact]
    public void Totp_MatchesRfc6238TestVector()
    {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", T = 59 s → 94287082 (8 digits; we use the last 6).
        var seed = "12345678901234567890"u8.ToArray();
        Assert.Equal("287082", Totp.Code(seed, 59 / 30));
    }

    [Fact]
    public async Task ShortOrCommonPasswords_AreRefused_LongPassphraseAccepted()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        async Task<bool> Try(string name, string password) =>
            (await users.CreateAsync(new AppUser { UserName = name, DisplayName = name }, password)).Succeeded;
        Assert.False(await Try("pw-short", "short-pw"));
        Assert.False(await Try("pw-common", "password1234"));
        Assert.False(await Try("pw-long", new string('x', 129) + "abcd"));
        Assert.True(await Try("pw-phrase", "いつも月夜に米の飯 but longer"));
    }
}
