using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Urakata.Platform.Data;

namespace Urakata.Platform.Security;

/// <summary>
/// <c>Authorization: Bearer uk_…</c> with a personal access token. The token is bound to one user and one
/// company; a revoked or expired token, a disabled user or an ended membership is refused.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UrakataDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    public const string TokenPrefix = "uk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not an Urakata access token.");
        }
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await (
            from t in db.AccessTokens.IgnoreQueryFilters()
            join u in db.Users on t.UserId equals u.Id
            join m in db.Memberships.IgnoreQueryFilters() on new { t.UserId, t.CompanyId } equals new { m.UserId, m.CompanyId }
            join c in db.Companies on t.CompanyId equals c.Id
            where t.TokenHash == hash && !u.IsDisabled && m.IsActive && c.IsActive
            select new { Token = t, u.UserName, u.DisplayName, u.SecurityStamp }).SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsableAt(now))
        {
            return AuthenticateResult.Fail("Invalid, revoked or expired token.");
        }
        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            var id = found.Token.Id;
            await db.AccessTokens.IgnoreQueryFilters().Where(t => t.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.Token.UserId.ToString()),
            new Claim(ClaimTypes.Name, found.UserName ?? ""),
            new Claim(CurrentUser.DisplayNameClaim, found.DisplayName),
            new Claim(CurrentUser.CompanyClaim, found.Token.CompanyId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string NewToken() => TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
