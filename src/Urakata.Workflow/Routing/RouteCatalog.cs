using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;

namespace Urakata.Workflow.Routing;

public sealed record RouteInput(string KindCode, string Name, Guid? DepartmentId, RouteDefinition Definition);

public sealed record RouteDto(Guid Id, string KindCode, string Name, Guid? DepartmentId, bool IsActive, int CurrentVersion, RouteDefinition Current, int Version);

/// <summary>
/// The company's routes. For an applicant, the route of a kind is the active one defined for the nearest
/// department on their 本務 department's chain, else the company-wide one, else the kind's built-in default.
/// </summary>
public sealed class RouteCatalog(UrakataDbContext db, RequestKinds kinds, PermissionService permissions, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<(RouteDefinition Definition, RouteReference Reference)> ForAsync(KindInfo kind, IReadOnlyList<Guid> departmentChain, CancellationToken ct = default)
    {
        var routes = await db.Set<ApprovalRoute>().AsNoTracking().Where(r => r.KindCode == kind.Code && r.IsActive).ToListAsync(ct);
        var route = departmentChain.Select(d => routes.Find(r => r.DepartmentId == d)).FirstOrDefault(r => r is not null)
            ?? routes.Find(r => r.DepartmentId is null);
        if (route is not null)
        {
            return (route.Current, new RouteReference(route.Id, route.CurrentVersion, route.Name));
        }
        return kind.DefaultRoute is { } builtIn
            ? (builtIn, new RouteReference(null, null, WorkflowMessages.DefaultRouteName))
            : throw new DomainException(WorkflowMessages.NoRouteApplies);
    }

    public async Task<IReadOnlyList<RouteDto>> ListAsync(CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.RoutesManage, ct);
        return (await db.Set<ApprovalRoute>().AsNoTracking().OrderBy(r => r.KindCode).ThenBy(r => r.Name).ToListAsync(ct)).Select(ToDto).ToList();
    }

    public async Task<RouteDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.RoutesManage, ct);
        return ToDto(await db.Set<ApprovalRoute>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Route"));
    }

    public async Task<RouteDto> CreateAsync(RouteInput input, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.RoutesManage, ct);
        await kinds.FindAsync(input.KindCode, ct);
        if (input.DepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept, ct))
        {
            throw new DomainException(WorkflowMessages.Format(WorkflowMessages.ReferenceNotFound, "Department"), "departmentId");
        }
        var route = new ApprovalRoute(currentUser.RequireCompany(), input.KindCode, input.Name, input.DepartmentId);
        route.Publish(input.Definition, clock.GetUtcNow().UtcDateTime);
        db.Add(route);
        await db.SaveChangesAsync(ct);
        return ToDto(route);
    }

    /// <summary>Publishes a new version; requests already on their way keep the version they started with.</summary>
    public async Task<RouteDto> PublishAsync(Guid id, RouteDefinition definition, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.RoutesManage, ct);
        var route = await db.Set<ApprovalRoute>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Route");
        route.Publish(definition, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ToDto(route);
    }

    private static RouteDto ToDto(ApprovalRoute r) => new(r.Id, r.KindCode, r.Name, r.DepartmentId, r.IsActive, r.CurrentVersion, r.Current, r.Version);
}
