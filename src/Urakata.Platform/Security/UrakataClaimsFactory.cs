using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Security;

/// <summary>
/// Adds the display name and the current company to the sign-in principal. The company is the one the user
/// last switched to if they are still an active member of it, else their first active membership. Runs
/// again on every security-stamp validation, so a removed membership drops out of open sessions.
/// </summary>
public sealed class UrakataClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, UrakataDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        var companyId = await ResolveCompanyAsync(db, user.Id, user.CurrentCompanyId);
        if (companyId is { } id)
        {
            identity.AddClaim(new Claim(CurrentUser.CompanyClaim, id.ToString()));
        }
        return identity;
    }

    internal static async Task<Guid?> ResolveCompanyAsync(UrakataDbContext db, Guid userId, Guid? preferred)
    {
        var companies = await (
            from m in db.Memberships.IgnoreQueryFilters()
            join c in db.Companies on m.CompanyId equals c.Id
            where m.UserId == userId && m.IsActive && c.IsActive
            orderby c.Name
            select c.Id).ToListAsync();
        return preferred is { } p && companies.Contains(p) ? p : companies.Count > 0 ? companies[0] : null;
    }
}
