using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Urakata.People.Employees;
using Urakata.People.Leave;
using Urakata.People.Leave.Cancel;
using Urakata.People.Leave.Planned;
using Urakata.People.Leave.FiveDays;
using Urakata.People.Leave.Records;
using Urakata.People.Leave.Register;
using Urakata.Platform.Api;
using Urakata.Platform.Security;
using Urakata.Platform.Tabular;

namespace Urakata.People.Api;

/// <summary>
/// 休暇 under <c>/api/v1/people/leave</c>: one's own balance (sign-in only); another employee's balance and 管理簿 with
/// <c>people.leave.read</c> within its data scope (else 404); the 有給管理 list; types, grants and settings with
/// <c>people.leave.manage</c>. Leave itself is requested through the approval engine (kind <c>people.leave</c>).
/// </summary>
internal static class LeaveApi
{
    public static void Map(RouteGroupBuilder people)
    {
        var g = people.MapGroup("/leave");
        var read = g.MapGroup("").RequirePermission(PeoplePermissions.LeaveRead);
        var manage = g.MapGroup("").RequirePermission(PeoplePermissions.LeaveManage);

        g.MapGet("/me", (LeaveBook b, CancellationToken ct) => b.MyBalanceAsync(ct));
        g.MapGet("/employees/{id:guid}", (Guid id, LeaveBook b, CancellationToken ct) => b.BalanceAsync(id, ct)).ForResource<Employee>();
        g.MapGet("/employees/{id:guid}/register", (Guid id, LeaveRegister r, CancellationToken ct) => r.ForAsync(id, ct)).ForResource<Employee>();
        g.MapGet("/employees/{id:guid}/register/export", async (Guid id, string? format, LeaveRegister r, IStringLocalizer<PeopleUi> p, CancellationToken ct) =>
        {
            var register = await r.ForAsync(id, ct);
            return await TableDownload.FileAsync(format, p["LeaveRegister"] + "-" + register.Number, RegisterTable(register, p), ct,
                subtitle: $"{register.Number} {register.Name}");
        }).ForResource<Employee>();
        manage.MapPost("/employees/{id:guid}/grants", async (Guid id, GrantInput body, LeaveBook b, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/people/leave/employees/{id}", await b.AddGrantAsync(id, body, ct))).ForResource<Employee>();

        read.MapGet("/status", (bool? atRisk, FiveDayAlerts a, CancellationToken ct) => a.ListAsync(atRisk ?? false, ct));
        read.MapGet("/status/export", async (bool? atRisk, string? format, FiveDayAlerts a, IStringLocalizer<PeopleUi> p, CancellationToken ct) =>
            await TableDownload.FileAsync(format, p["LeaveStatusList"], StatusTable(await a.ListAsync(atRisk ?? false, ct), p), ct));

        g.MapGet("/types", (LeaveBook b, CancellationToken ct) => b.TypeDtosAsync(ct));
        manage.MapPost("/types", async (LeaveTypeInput body, LeaveBook b, CancellationToken ct) =>
            TypedResults.Created("/api/v1/people/leave/types", await b.AddTypeAsync(body, ct)));
        manage.MapPut("/types/{id:guid}", (Guid id, LeaveTypeInput body, LeaveBook b, CancellationToken ct) => b.UpdateTypeAsync(id, body, ct)).ForResource<LeaveType>();
        manage.MapDelete("/types/{id:guid}", async (Guid id, LeaveBook b, CancellationToken ct) =>
        {
            await b.DeleteTypeAsync(id, ct);
            return TypedResults.NoContent();
        }).ForResource<LeaveType>();
        manage.MapPost("/planned", (PlannedLeaveInput body, PlannedLeave p, CancellationToken ct) => p.RecordAsync(body, ct)).ForResource<Employee>();
        manage.MapPost("/takings/{id:guid}/cancel", (Guid id, CancelLeaveInput body, LeaveCancelling c, CancellationToken ct) => c.CancelTakingAsync(id, body, ct))
            .ForResource<TakenLeave>();
        g.MapPost("/requests/{id:guid}/cancel", async (Guid id, CancelLeaveInput body, LeaveCancelling c, CancellationToken ct) =>
        {
            var request = await c.RequestAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/workflow/requests/{request.Id}", new { request.Id, request.Number, request.Status });
        }).ForResource<Workflow.Requests.ApprovalRequest>();
        manage.MapGet("/settings", (LeaveBook b, CancellationToken ct) => b.SettingsDtoAsync(ct));
        manage.MapPut("/settings", (LeaveSettingsDto body, LeaveBook b, CancellationToken ct) => b.ChangeSettingsAsync(body, ct));
    }

    internal static Table RegisterTable(LeaveRegisterDto register, IStringLocalizer<PeopleUi> p) => Table.Of(register.Entries,
    [
        new TableColumn<RegisterEntryDto>(p["LeaveDate"], e => e.Date),
        new(p["RegisterKind"], e => p["RegisterKind." + e.Kind].Value),
        new(p["GrantedDays"], e => e.GrantedDays),
        new(p["TakenDays"], e => e.TakenDays),
        new(p["TakenHours"], e => e.TakenHours),
        new(p["RemainingLeave"], e => e.Remaining),
        new(p["LeaveNote"], e => e.Note),
    ]);

    internal static Table StatusTable(IReadOnlyList<LeaveStatusDto> rows, IStringLocalizer<PeopleUi> p) => Table.Of(rows,
    [
        new TableColumn<LeaveStatusDto>(p["Number"], e => e.Number),
        new(p["Name"], e => e.Name),
        new(p["LastGrantDate"], e => e.LastGrantDate),
        new(p["LastGrantDays"], e => e.LastGrantDays),
        new(p["RemainingLeave"], e => e.Remaining),
        new(p["FiveDayDeadline"], e => e.Deadline),
        new(p["FiveDayRequired"], e => e.RequiredDays),
        new(p["FiveDayTaken"], e => e.TakenDays),
        new(p["FiveDayStillRequired"], e => e.StillRequired),
        new(p["FiveDayState"], e => e.Overdue ? p["FiveDayOverdue"].Value : e.AtRisk ? p["FiveDayAtRisk"].Value : ""),
    ]);
}
