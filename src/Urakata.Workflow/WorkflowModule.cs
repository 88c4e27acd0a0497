using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Urakata.Platform.Modules;
using Urakata.Platform.Security;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow;

/// <summary>
/// The approval engine (稟議 and every 申請): request kinds and their forms, routes, actions, the inbox,
/// delegation. Other modules register their kinds with <see cref="RequestKindRegistration.AddRequestKind"/>.
/// </summary>
public sealed class WorkflowModule : IUrakataModule
{
    public string Name => "workflow";

    public IEnumerable<PermissionDefinition> Permissions =>
    [
        new(WorkflowPermissions.RoutesManage, "承認ルートの管理", "Manage approval routes", "workflow"),
        new(WorkflowPermissions.KindsManage, "申請種別・様式の管理", "Manage request kinds and forms", "workflow"),
        new(WorkflowPermissions.FileForOthers, "代理申請", "File requests for someone else", "workflow"),
        new(WorkflowPermissions.RequestsReadAll, "すべての申請の閲覧", "Read every request", "workflow"),
        new(WorkflowPermissions.ProxyApprovalsManage, "代理承認の設定(全員分)", "Set deputies for anyone", "workflow"),
        new(WorkflowPermissions.AnalyticsRead, "承認状況の分析", "Approval analytics", "workflow"),
    ];

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("workflow", "Menu.Workflow.Inbox", "workflow", MudBlazor.Icons.Material.Filled.Inbox, Order: 10, BadgeKey: InboxQuery.WaitingBadge),
        new("workflow", "Menu.Workflow.New", "workflow/new", MudBlazor.Icons.Material.Filled.NoteAdd, Order: 11),
        new("workflow", "Menu.Workflow.ProxyApprovals", "workflow/proxy-approvals", MudBlazor.Icons.Material.Filled.SupervisorAccount, Order: 12),
        new("workflow", "Menu.Workflow.Analytics", "workflow/analytics", MudBlazor.Icons.Material.Filled.QueryStats, WorkflowPermissions.AnalyticsRead, Order: 13),
        new("admin", "Menu.Workflow.Kinds", "workflow/admin/kinds", MudBlazor.Icons.Material.Filled.DynamicForm, WorkflowPermissions.KindsManage, Order: 960),
        new("admin", "Menu.Workflow.Routes", "workflow/admin/routes", MudBlazor.Icons.Material.Filled.Route, WorkflowPermissions.RoutesManage, Order: 970),
    ];

    public IEnumerable<(string RoleKey, string Permission)> DemoGrants =>
    [
        ("hr", WorkflowPermissions.FileForOthers),
        ("hr", WorkflowPermissions.ProxyApprovalsManage),
        ("hr", WorkflowPermissions.AnalyticsRead),
        ("accounting", WorkflowPermissions.RequestsReadAll),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RouteResolver>().AddScoped<RouteCatalog>().AddScoped<RequestKinds>().AddScoped<RequestService>()
            .AddScoped<RequestNotifier>().AddScoped<RequestViews>().AddScoped<ProxyApprovalService>().AddScoped<InboxQuery>().AddScoped<Pdf.ApprovalPdfs>().AddScoped<DeadlineJob>().AddScoped<Analytics.ApprovalAnalytics>()
            .AddScoped<IMenuBadgeSource>(sp => sp.GetRequiredService<InboxQuery>());
        foreach (var kind in BuiltInKinds.All)
        {
            services.AddRequestKind(kind);
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => Api.WorkflowApi.Map(api);

    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddJob<DeadlineJob>(j => j.WithIdentity(DeadlineJob.Key));
        // 09:00 on weekdays, Japan time: reminders arrive at the start of the working day (the job skips nothing on holidays: it is idempotent).
        quartz.AddTrigger(t => t.ForJob(DeadlineJob.Key).WithIdentity("workflow.deadlines.morning")
            .WithCronSchedule("0 0 9 ? * MON-FRI", c => c.InTimeZone(Platform.Kernel.JapanTime.Zone)));
    }
}

public static class WorkflowPermissions
{
    public const string RoutesManage = "workflow.routes.manage";
    public const string KindsManage = "workflow.kinds.manage";
    public const string FileForOthers = "workflow.requests.file-for-others";
    public const string RequestsReadAll = "workflow.requests.read-all";
    public const string ProxyApprovalsManage = "workflow.proxy-approvals.manage";
    public const string AnalyticsRead = "workflow.analytics.read";
}
