using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Features;

public sealed record CompanyDto(Guid Id, string Name, string? NameKana, string? CorporateNumber, string? InvoiceRegistrationNumber,
    int FiscalYearEndMonth, string? PostalCode, string? Address, int Version);
public sealed record SaveCompany(string Name, string? NameKana, string? CorporateNumber, string? InvoiceRegistrationNumber,
    int FiscalYearEndMonth, string? PostalCode, string? Address, int? Version = null);
public sealed record MyCompanyDto(Guid Id, string Name, bool IsCurrent);

/// <summary>The current company's settings, the companies a user belongs to, and founding a new company.</summary>
public sealed class CompanyAdmin(UrakataDbContext db, PermissionRegistry registry, PermissionService permissions)
{
    public async Task<CompanyDto> CurrentAsync(CancellationToken ct = default) =>
        ToDto(await db.Companies.AsNoTracking().SingleAsync(c => c.Id == db.CurrentUser.RequireCompany(), ct));

    public async Task<CompanyDto> UpdateCurrentAsync(SaveCompany cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.CompanyManage, ct);
        var company = await db.Companies.SingleAsync(c => c.Id == db.CurrentUser.RequireCompany(), ct);
        db.ExpectVersion(company, cmd.Version);
        company.Update(cmd.Name, cmd.NameKana, cmd.FiscalYearEndMonth, cmd.CorporateNumber, cmd.InvoiceRegistrationNumber, cmd.PostalCode, cmd.Address);
        await db.SaveChangesAsync(ct);
        return ToDto(company);
    }

    public async Task<List<MyCompanyDto>> MineAsync(CancellationToken ct = default)
    {
        var userId = db.CurrentUser.RequireUser();
        var current = db.CurrentUser.CompanyId;
        return await (
            from m in db.Memberships.IgnoreQueryFilters()
            join c in db.Companies on m.CompanyId equals c.Id
            where m.UserId == userId && m.IsActive && c.IsActive
            orderby c.Name
            select new MyCompanyDto(c.Id, c.Name, c.Id == current)).ToListAsync(ct);
    }

    /// <summary>Founds a company; the founder becomes its first member with an administrator role holding every permission.</summary>
    public async Task<CompanyDto> CreateAsync(SaveCompany cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.CompanyManage, ct);
        return await FoundAsync(cmd, db.CurrentUser.RequireUser(), ct);
    }

    /// <summary>Founds a company for <paramref name="founder"/> without a permission check: for the CLI and tests acting as the system.</summary>
    public async Task<CompanyDto> FoundAsync(SaveCompany cmd, Guid founder, CancellationToken ct = default)
    {
        var company = Company.Create(cmd.Name, cmd.FiscalYearEndMonth, cmd.CorporateNumber, cmd.InvoiceRegistrationNumber, cmd.PostalCode, cmd.Address, cmd.NameKana);
        return await db.InTransactionAsync(async token =>
        {
            db.Companies.Add(company);
            using (db.CurrentUser.InCompany(company.Id))
            {
                var admin = AdministratorRole(company.Id, registry);
                db.Roles.Add(admin);
                var membership = new CompanyMembership(company.Id, founder);
                membership.SetRoles([admin.Id]);
                db.Memberships.Add(membership);
                await db.SaveChangesAsync(token);
            }
            return ToDto(company);
        }, ct);
    }

    /// <summary>The 管理者 role of a new company: every registered permission, company-wide.</summary>
    public static Role AdministratorRole(Guid companyId, PermissionRegistry registry)
    {
        var role = new Role(companyId, "管理者", "すべての権限 / All permissions");
        foreach (var p in registry.All)
        {
            role.Grant(p.Key, DataScope.Company);
        }
        return role;
    }

    private static CompanyDto ToDto(Company c) =>
        new(c.Id, c.Name, c.NameKana, c.CorporateNumber, c.InvoiceRegistrationNumber, c.FiscalYearEndMonth, c.PostalCode, c.Address, c.Version);
}
