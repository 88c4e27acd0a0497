using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;

namespace Urakata.Platform.Security;

/// <summary>
/// What the current user may do in the current company: the union of their roles' permissions, each with
/// the widest data scope granted. Cached for a few seconds so a revoked role takes effect quickly in open
/// Blazor circuits too.
/// </summary>
public sealed class PermissionService(UrakataDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private (Guid User, Guid Company, DateTimeOffset LoadedAt, Dictionary<string, DataScope> Grants)? _cache;

    public async Task<DataScope?> ScopeOfAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId || currentUser.CompanyId is not { } companyId)
        {
            return null;
        }
        var grants = await GrantsAsync(userId, companyId, cancellationToken);
        return grants.TryGetValue(permission, out var scope) ? scope : null;
    }

    public async Task<bool> HasAsync(string permission, CancellationToken cancellationToken = default) =>
        await ScopeOfAsync(permission, cancellationToken) is not null;

    /// <summary>Throws <see cref="ForbiddenException"/> unless the user holds <paramref name="permission"/>.</summary>
    public async Task<DataScope> RequireAsync(string permission, CancellationToken cancellationToken = default) =>
        currentUser.AllCompanies
            ? DataScope.Company // CLI, seeding and jobs act as the system.
            : await ScopeOfAsync(permission, cancellationToken) ?? throw new ForbiddenException(permission);

    public async Task<IReadOnlyDictionary<string, DataScope>> AllAsync(CancellationToken cancellationToken = default) =>
        currentUser.UserId is { } userId && currentUser.CompanyId is { } companyId
            ? await GrantsAsync(userId, companyId, cancellationToken)
            : new Dictionary<string, DataScope>();

    internal async Task<Dictionary<string, DataScope>> GrantsAsync(Guid userId, Guid companyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache is { } c && c.User == userId && c.Company == companyId && now - c.LoadedAt < CacheFor)
        {
            return c.Grants;
        }
        var rows = await (
            from m in db.Memberships.IgnoreQueryFilters()
            where m.UserId == userId && m.CompanyId == companyId && m.IsActive
            join co in db.Companies on m.CompanyId equals co.Id
            where co.IsActive
            join u in db.Users on m.UserId equals u.Id
            where !u.IsDisabled
            from mr in m.Roles
            join r in db.Roles.IgnoreQueryFilters() on mr.RoleId equals r.Id
            where r.CompanyId == companyId
            from p in r.Permissions
            select new { p.Permission, p.Scope }).ToListAsync(cancellationToken);
        var grants = new Dictionary<string, DataScope>();
        foreach (var row in rows)
        {
            if (!grants.TryGetValue(row.Permission, out var existing) || row.Scope > existing)
            {
                grants[row.Permission] = row.Scope;
            }
        }
        _cache = (userId, companyId, now, grants);
        return grants;
    }

    public void Invalidate() => _cache = null;
}

/// <summary>The caller lacks a permission for something they can see (403); hidden records answer 404 instead.</summary>
public sealed class ForbiddenException(string permission) : Exception($"Permission '{permission}' is required.")
{
    public string Permission { get; } = permission;
}
