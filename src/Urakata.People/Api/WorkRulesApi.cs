using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.Platform.Api;
using Urakata.Platform.Features;
using Urakata.Platform.Security;

namespace Urakata.People.Api;

/// <summary>
/// 勤務形態 and シフト under <c>/api/v1/people/attendance</c>, all with <c>people.attendance.rules</c> (シフト within its data
/// scope): list, read, create and change work rules (another company's answers 404); an employee's or a department's month
/// of シフト, setting some dates of it, and the CSV upload (all or nothing, errors <c>row N.column</c>).
/// </summary>
internal static class WorkRulesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var a = api.MapGroup("/people/attendance").WithTags("People").RequirePermission(PeoplePermissions.AttendanceRules);
        a.MapGet("/rules", (WorkRules r, CancellationToken ct) => r.ListAsync(ct));
        a.MapGet("/rules/{id:guid}", (Guid id, WorkRules r, CancellationToken ct) => r.GetAsync(id, ct)).ForResource<WorkRule>();
        a.MapPost("/rules", async (WorkRuleInput body, WorkRules r, CancellationToken ct) =>
        {
            var created = await r.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/people/attendance/rules/{created.Id}", created);
        });
        a.MapPut("/rules/{id:guid}", (Guid id, WorkRuleInput body, HttpRequest http, WorkRules r, CancellationToken ct) =>
            r.UpdateAsync(id, body with { Version = http.IfMatchVersion() ?? body.Version }, ct)).ForResource<WorkRule>();

        a.MapGet("/shifts", (Guid? department, string month, ShiftCalendar s, CancellationToken ct) => s.MonthAsync(department, month, ct));
        a.MapGet("/shifts/{id:guid}/{month}", (Guid id, string month, ShiftCalendar s, CancellationToken ct) =>
            s.EmployeeMonthAsync(id, month, ct)).ForResource<Employee>();
        a.MapPut("/shifts/{id:guid}", (Guid id, ShiftMonthInput body, ShiftCalendar s, CancellationToken ct) =>
            s.SetAsync(id, body, ct)).ForResource<Employee>();
        a.MapGet("/shifts/template", (CancellationToken ct) => PeopleApi.TemplateAsync(ShiftImport.Headers, "shifts-template.csv", ct));
        a.MapPost("/shifts/import", async (IFormFile file, ShiftImport importer, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(stream, ct);
            return PeopleApi.ImportAnswer(result, result.Errors);
        }).DisableAntiforgery();
    }
}
