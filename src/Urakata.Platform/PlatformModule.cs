using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quartz;
using Urakata.Platform.Api;
using Urakata.Platform.Modules;
using Urakata.Platform.Security;

namespace Urakata.Platform;

/// <summary>The platform as a module: companies, users, org, roles, audit, files, notifications.</summary>
public sealed class PlatformModule : IUrakataModule
{
    public string Name => "platform";

    public IEnumerable<PermissionDefinition> Permissions => PlatformPermissions.All;

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("admin", "Menu.Company", "/admin/company", Icons.Material.Filled.Business, PlatformPermissions.CompanyManage, 900),
        new("admin", "Menu.Users", "/admin/users", Icons.Material.Filled.People, PlatformPermissions.UsersManage, 910),
        new("admin", "Menu.Organisation", "/admin/org", Icons.Material.Filled.AccountTree, PlatformPermissions.OrgRead, 920),
        new("admin", "Menu.Roles", "/admin/roles", Icons.Material.Filled.Security, PlatformPermissions.RolesManage, 930),
        new("admin", "Menu.Calendar", "/admin/calendar", Icons.Material.Filled.CalendarMonth, PlatformPermissions.CalendarManage, 940),
        new("admin", "Menu.Audit", "/admin/audit", Icons.Material.Filled.History, PlatformPermissions.AuditRead, 950),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => PlatformApi.Map(api);

    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddJob<Jobs.HousekeepingJob>(j => j.WithIdentity(Jobs.HousekeepingJob.Key));
        // 03:30 every night, Japan time.
        quartz.AddTrigger(t => t.ForJob(Jobs.HousekeepingJob.Key).WithIdentity("platform.housekeeping.nightly")
            .WithCronSchedule("0 30 3 * * ?", c => c.InTimeZone(Kernel.JapanTime.Zone)));
    }
}
