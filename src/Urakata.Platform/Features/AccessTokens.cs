using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Features;

public sealed record AccessTokenDto(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);
public sealed record CreateAccessToken(string Name, int? ExpiresInDays);
/// <summary>The only time the secret is shown; Urakata keeps just its hash.</summary>
public sealed record CreatedAccessToken(AccessTokenDto Token, string Secret);

/// <summary>The signed-in user's personal access tokens in the current company.</summary>
public sealed class AccessTokens(UrakataDbContext db)
{
    public Task<List<AccessTokenDto>> MineAsync(CancellationToken ct = default)
    {
        var userId = db.CurrentUser.RequireUser();
        return db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
    }

    public async Task<CreatedAccessToken> CreateAsync(CreateAccessToken cmd, CancellationToken ct = default)
    {
        if (cmd.ExpiresInDays is < 1 or > 3650)
        {
            throw new DomainException(Messages.ValidationFailed, nameof(cmd.ExpiresInDays));
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var secret = AccessTokenAuthenticationHandler.NewToken();
        var token = new PersonalAccessToken(db.CurrentUser.RequireCompany(), db.CurrentUser.RequireUser(), cmd.Name,
            AccessTokenAuthenticationHandler.Hash(secret), secret[..10], now, cmd.ExpiresInDays is { } days ? now.AddDays(days) : null);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedAccessToken(ToDto(token), secret);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var userId = db.CurrentUser.RequireUser();
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct) ?? throw new NotFoundException("Token");
        token.Revoke(db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private static AccessTokenDto ToDto(PersonalAccessToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
