using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Urakata.People.Employees;
using Urakata.People.Events;
using Urakata.Platform.Api;
using Urakata.Platform.Security;

namespace Urakata.People.Api;

/// <summary>
/// 異動・入退社 under <c>/api/v1/people</c>: an employee's events (read: <c>people.employees.read</c>; record and cancel:
/// <c>people.employees.manage</c>, both within the grant's data scope) and the checklist tasks of the caller's roles.
/// </summary>
internal static class EmployeeEventsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/people").WithTags("People");
        g.MapGet("/employees/{id:guid}/events", (Guid id, EmployeeEvents e, CancellationToken ct) => e.ListAsync(id, ct))
            .RequirePermission(PeoplePermissions.EmployeesRead).ForResource<Employee>();
        g.MapPost("/employees/{id:guid}/events", async (Guid id, EmployeeEventInput body, EmployeeEvents e, CancellationToken ct) =>
        {
            var recorded = await e.RecordAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/people/employees/{id}/events", recorded);
        }).RequirePermission(PeoplePermissions.EmployeesManage).ForResource<Employee>();
        g.MapDelete("/events/{id:guid}", async (Guid id, EmployeeEvents e, CancellationToken ct) =>
        {
            await e.CancelAsync(id, ct);
            return TypedResults.NoContent();
        }).RequirePermission(PeoplePermissions.EmployeesManage).ForResource<EmployeeEvent>();

        g.MapGet("/checklists/{kind}", (EmployeeEventKind kind, EmployeeEvents e, CancellationToken ct) => e.ChecklistLinesAsync(kind, ct))
            .RequirePermission(PeoplePermissions.EmployeesManage);
        g.MapPut("/checklists/{kind}", (EmployeeEventKind kind, List<ChecklistLine> body, EmployeeEvents e, CancellationToken ct) => e.SaveChecklistAsync(kind, body, ct))
            .RequirePermission(PeoplePermissions.EmployeesManage);

        // Tasks: whoever holds the task's role (人事 for tasks without one); no further permission.
        g.MapGet("/tasks", (bool? all, EmployeeEvents e, CancellationToken ct) => e.MyTasksAsync(all ?? false, ct));
        g.MapPost("/tasks/{id:guid}/done", (Guid id, EmployeeEvents e, CancellationToken ct) => e.CompleteTaskAsync(id, true, ct)).ForResource<EmployeeTask>();
        g.MapDelete("/tasks/{id:guid}/done", (Guid id, EmployeeEvents e, CancellationToken ct) => e.CompleteTaskAsync(id, false, ct)).ForResource<EmployeeTask>();
    }
}
