using System.Security.Claims;

namespace Urakata.Platform.Security;

/// <summary>
/// Who is acting, in which company, from where — for one HTTP request, one Blazor circuit or one job.
/// The company query filter, audit stamping and permission checks read it.
/// </summary>
public sealed class CurrentUser
{
    public const string CompanyClaim = "urakata:company";
    public const string DisplayNameClaim = "urakata:display_name";

    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? DisplayName { get; private set; }
    public Guid? CompanyId { get; private set; }
    public string? IpAddress { get; private set; }
    /// <summary>System work (CLI, seeding, jobs that loop over companies) sees every company.</summary>
    public bool AllCompanies { get; private set; }

    public bool IsAuthenticated => UserId is not null;

    public void SetFrom(ClaimsPrincipal? principal, string? ipAddress)
    {
        IpAddress = ipAddress;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            UserId = null;
            UserName = null;
            DisplayName = null;
            CompanyId = null;
            return;
        }
        UserId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : null;
        UserName = principal.FindFirstValue(ClaimTypes.Name);
        DisplayName = principal.FindFirstValue(DisplayNameClaim) ?? UserName;
        CompanyId = Guid.TryParse(principal.FindFirstValue(CompanyClaim), out var cid) ? cid : null;
    }

    /// <summary>Acts as the system (no user) across all companies until disposed.</summary>
    public IDisposable AsSystem(string name = "system")
    {
        var previous = (UserId, UserName, DisplayName, CompanyId, AllCompanies);
        UserId = null;
        UserName = name;
        DisplayName = name;
        AllCompanies = true;
        return new Restore(() => (UserId, UserName, DisplayName, CompanyId, AllCompanies) = previous);
    }

    /// <summary>Acts inside one company (jobs, seeding) until disposed; the user stays as it was.</summary>
    public IDisposable InCompany(Guid companyId, Guid? userId = null, string? userName = null)
    {
        var previous = (UserId, UserName, DisplayName, CompanyId, AllCompanies);
        CompanyId = companyId;
        AllCompanies = false;
        if (userId is not null)
        {
            UserId = userId;
            UserName = userName;
            DisplayName = userName;
        }
        return new Restore(() => (UserId, UserName, DisplayName, CompanyId, AllCompanies) = previous);
    }

    public Guid RequireCompany() =>
        CompanyId ?? throw new InvalidOperationException("No current company: the user has no active membership.");

    public Guid RequireUser() =>
        UserId ?? throw new InvalidOperationException("No signed-in user.");

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
