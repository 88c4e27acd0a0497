using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Features;

public sealed record RoleGrantDto(string Permission, DataScope Scope);
public sealed record RoleDto(Guid Id, string Name, string? Description, IReadOnlyList<RoleGrantDto> Permissions, int Version);
public sealed record SaveRole(string Name, string? Description, IReadOnlyList<RoleGrantDto>? Permissions, int? Version = null);

/// <summary>Roles of the current company and the permissions (with data scopes) they bundle.</summary>
public sealed class RoleAdmin(UrakataDbContext db, PermissionRegistry registry, PermissionService permissions)
{
    public async Task<List<RoleDto>> RolesAsync(CancellationToken ct = default) =>
        (await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct)).Select(ToDto).ToList();

    public async Task<RoleDto> RoleAsync(Guid id, CancellationToken ct = default) =>
        ToDto(await db.Roles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(nameof(Role)));

    public async Task<RoleDto> SaveAsync(Guid? id, SaveRole cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.RolesManage, ct);
        var grants = cmd.Permissions ?? [];
        foreach (var g in grants.Where(g => !registry.Exists(g.Permission)))
        {
            throw new DomainException(Messages.Format(Messages.PermissionUnknown, g.Permission), nameof(cmd.Permissions));
        }
        Role role;
        if (id is { } existing)
        {
            role = await db.Roles.FindOrThrowAsync(existing, ct);
            db.ExpectVersion(role, cmd.Version);
            role.Rename(cmd.Name, cmd.Description);
        }
        else
        {
            role = new Role(db.CurrentUser.RequireCompany(), cmd.Name, cmd.Description);
            db.Roles.Add(role);
        }
        if (await db.Roles.AnyAsync(r => r.Name == role.Name && r.Id != role.Id, ct))
        {
            throw new DomainException(Messages.Format(Messages.DuplicateName, role.Name), nameof(cmd.Name));
        }
        foreach (var p in role.Permissions.Select(p => p.Permission).Except(grants.Select(g => g.Permission)).ToList())
        {
            role.Revoke(p);
        }
        foreach (var g in grants)
        {
            role.Grant(g.Permission, g.Scope);
        }
        if (id is not null)
        {
            // Grants are child rows: mark the role itself modified so a grants-only edit still bumps its
            // version and is checked against the version the client saw.
            db.Entry(role).Property(r => r.Name).IsModified = true;
        }
        await db.SaveChangesAsync(ct);
        return ToDto(role);
    }

    private static RoleDto ToDto(Role r) =>
        new(r.Id, r.Name, r.Description, r.Permissions.OrderBy(p => p.Permission, StringComparer.Ordinal).Select(p => new RoleGrantDto(p.Permission, p.Scope)).ToList(), r.Version);
}
