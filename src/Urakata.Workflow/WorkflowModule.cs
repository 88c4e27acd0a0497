using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Modules;
using Urakata.Platform.Security;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow;

/// <summary>
/// The approval engine (稟議 and every 申請). This first slice holds route resolution: who must approve a
/// step for this applicant on this date. Request kinds, actions, inbox and PDFs follow (issue 3).
/// </summary>
public sealed class WorkflowModule : IUrakataModule
{
    public string Name => "workflow";

    public IEnumerable<PermissionDefinition> Permissions =>
    [
        new(WorkflowPermissions.RoutesManage, "承認ルートの管理", "Manage approval routes", "workflow"),
    ];

    public IEnumerable<MenuItem> MenuItems => [];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<RouteResolver>().AddScoped<Requests.RequestService>();

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}

public static class WorkflowPermissions
{
    public const string RoutesManage = "workflow.routes.manage";
}
