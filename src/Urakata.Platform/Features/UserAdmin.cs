using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Features;

public sealed record MemberDto(Guid UserId, string UserName, string DisplayName, string? DisplayNameKana, string? Email, string? EmployeeNumber,
    bool IsActive, bool IsDisabled, bool TwoFactorEnabled, IReadOnlyList<Guid> RoleIds, int Version);
public sealed record CreateMember(string UserName, string DisplayName, string? DisplayNameKana, string? Email, string Password, string? EmployeeNumber, IReadOnlyList<Guid>? RoleIds);
public sealed record UpdateMember(string DisplayName, string? DisplayNameKana, string? Email, string? EmployeeNumber, bool IsActive, IReadOnlyList<Guid>? RoleIds, int? Version = null);

/// <summary>Users as members of the current company: create, edit, roles, deactivate.</summary>
public sealed class UserAdmin(UrakataDbContext db, UserManager<AppUser> users, PermissionService permissions)
{
    public async Task<List<MemberDto>> MembersAsync(CancellationToken ct = default) =>
        (await LoadMembersAsync(null, ct)).OrderBy(m => m.EmployeeNumber ?? "~", StringComparer.Ordinal).ThenBy(m => m.UserName, StringComparer.Ordinal).ToList();

    public async Task<MemberDto> MemberAsync(Guid userId, CancellationToken ct = default) =>
        (await LoadMembersAsync(userId, ct)).SingleOrDefault() ?? throw new NotFoundException("User");

    public async Task<MemberDto> CreateAsync(CreateMember cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.UsersManage, ct);
        var user = new AppUser
        {
            UserName = (cmd.UserName ?? "").Trim(),
            Email = string.IsNullOrWhiteSpace(cmd.Email) ? null : cmd.Email.Trim(),
            DisplayName = (cmd.DisplayName ?? "").Trim(),
            DisplayNameKana = string.IsNullOrWhiteSpace(cmd.DisplayNameKana) ? null : cmd.DisplayNameKana.Trim(),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            CurrentCompanyId = db.CurrentUser.RequireCompany(),
        };
        if (user.DisplayName.Length == 0)
        {
            throw new DomainException(Messages.NameRequired, nameof(cmd.DisplayName));
        }
        return await db.InTransactionAsync(async token =>
        {
            ThrowIfFailed(await users.CreateAsync(user, cmd.Password ?? ""));
            var membership = new CompanyMembership(db.CurrentUser.RequireCompany(), user.Id);
            membership.SetEmployeeNumber(cmd.EmployeeNumber);
            membership.SetRoles(await ValidRolesAsync(cmd.RoleIds, token));
            db.Memberships.Add(membership);
            await db.SaveChangesAsync(token);
            return await MemberAsync(user.Id, token);
        }, ct);
    }

    public async Task<MemberDto> UpdateAsync(Guid userId, UpdateMember cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.UsersManage, ct);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId, ct) ?? throw new NotFoundException("User");
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        db.ExpectVersion(membership, cmd.Version);
        if (string.IsNullOrWhiteSpace(cmd.DisplayName))
        {
            throw new DomainException(Messages.NameRequired, nameof(cmd.DisplayName));
        }
        user.DisplayName = cmd.DisplayName.Trim();
        user.DisplayNameKana = string.IsNullOrWhiteSpace(cmd.DisplayNameKana) ? null : cmd.DisplayNameKana.Trim();
        user.Email = string.IsNullOrWhiteSpace(cmd.Email) ? null : cmd.Email.Trim();
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        membership.SetEmployeeNumber(cmd.EmployeeNumber);
        var wasActive = membership.IsActive;
        membership.SetActive(cmd.IsActive);
        membership.SetRoles(await ValidRolesAsync(cmd.RoleIds, ct));
        if (wasActive != cmd.IsActive || membership.Roles.Count == 0)
        {
            // Open sessions re-check their membership at the next security-stamp validation (≤ 1 minute).
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        if (!cmd.IsActive && !await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.IsActive && m.Id != membership.Id, ct))
        {
            user.IsDisabled = true;
        }
        else if (cmd.IsActive)
        {
            user.IsDisabled = false;
        }
        // Name, e-mail and roles live on the user and on child rows: mark the membership itself modified so
        // every edit is checked against, and bumps, the version the editor saw (no silent lost update).
        db.Entry(membership).Property(m => m.IsActive).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (user.IsDisabled)
        {
            // A disabled user's browser sessions end at once, not at the next security-stamp check.
            await DatabaseSessionStore.RemoveAllAsync(db, userId);
        }
        return await MemberAsync(userId, ct);
    }

    private async Task<List<Guid>> ValidRolesAsync(IReadOnlyList<Guid>? roleIds, CancellationToken ct)
    {
        var wanted = roleIds ?? [];
        var found = await db.Roles.Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        if (found.Count != wanted.Distinct().Count())
        {
            // A role id of another company in a request body is a bad request, not a lookup.
            throw new DomainException(Messages.NotFound, "RoleIds");
        }
        return found;
    }

    private async Task<List<MemberDto>> LoadMembersAsync(Guid? userId, CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => userId == null || m.UserId == userId).ToListAsync(ct);
        var ids = memberships.Select(m => m.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return memberships.Where(m => users.ContainsKey(m.UserId)).Select(m =>
        {
            var u = users[m.UserId];
            return new MemberDto(u.Id, u.UserName ?? "", u.DisplayName, u.DisplayNameKana, u.Email, m.EmployeeNumber, m.IsActive, u.IsDisabled,
                u.TwoFactorEnabled, m.Roles.Select(r => r.RoleId).ToList(), m.Version);
        }).ToList();
    }

    public static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)),
                error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "UserName");
        }
    }
}
