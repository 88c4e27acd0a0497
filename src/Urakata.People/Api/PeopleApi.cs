using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.Platform.Api;
using Urakata.Platform.Security;
using Urakata.Platform.Tabular;

namespace Urakata.People.Api;

/// <summary>Why a マイナンバー is being read (源泉徴収票の作成, 社会保険の届出…): stored in the audit log with the read.</summary>
public sealed record MyNumberViewBody(string? Reason);

public sealed record MyNumberView(string MyNumber);

public sealed record MyNumberBody(string? MyNumber, int? Version = null);

/// <summary>
/// REST endpoints of the employee master under <c>/api/v1/people</c>. Reading needs <c>people.employees.read</c>, changes
/// <c>people.employees.manage</c>; the マイナンバー has its own permission and is never part of an employee answer; another
/// company's employee answers 404.
/// </summary>
internal static class PeopleApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/people").WithTags("People");
        var read = g.MapGroup("").RequirePermission(PeoplePermissions.EmployeesRead);
        var manage = g.MapGroup("").RequirePermission(PeoplePermissions.EmployeesManage);

        read.MapGet("/employees", ([AsParameters] EmployeeSearch search, EmployeeDirectory d, CancellationToken ct) => d.SearchAsync(search, ct));
        read.MapGet("/employees/{id:guid}", (Guid id, EmployeeDirectory d, CancellationToken ct) => d.GetAsync(id, ct)).ForResource<Employee>();
        manage.MapPost("/employees", async (EmployeeInput body, EmployeeDirectory d, CancellationToken ct) =>
        {
            var created = await d.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/people/employees/{created.Id}", created);
        });
        manage.MapPut("/employees/{id:guid}", (Guid id, EmployeeInput body, HttpRequest http, EmployeeDirectory d, CancellationToken ct) =>
            d.UpdateAsync(id, body with { Version = http.IfMatchVersion() ?? body.Version }, ct)).ForResource<Employee>();

        // The signed-in employee's own record: no permission beyond being signed in (本人).
        g.MapGet("/me", (EmployeeDirectory d, CancellationToken ct) => d.MineAsync(ct));

        g.MapPost("/employees/{id:guid}/my-number/view", async (Guid id, MyNumberViewBody body, MyNumberVault vault, CancellationToken ct) =>
            new MyNumberView(await vault.RevealAsync(id, body.Reason, ct)))
            .RequirePermission(PeoplePermissions.MyNumberView).ForResource<Employee>();
        g.MapPut("/employees/{id:guid}/my-number", async (Guid id, MyNumberBody body, HttpRequest http, MyNumberVault vault, CancellationToken ct) =>
        {
            await vault.SetAsync(id, body.MyNumber, http.IfMatchVersion() ?? body.Version, ct);
            return TypedResults.NoContent();
        }).RequirePermission(PeoplePermissions.EmployeesManage).RequirePermission(PeoplePermissions.MyNumberView).ForResource<Employee>();

        read.MapGet("/exports/employees", async ([AsParameters] EmployeeSearch search, string? format, EmployeeDirectory d,
            IStringLocalizer<PeopleUi> p, CancellationToken ct) =>
            await TableDownload.FileAsync(format, p["EmployeeList"], EmployeeTable(d.AllAsync(search, ct), p), ct));

        manage.MapGet("/imports/employees/template", (CancellationToken ct) => TemplateAsync(Import.EmployeeImport.Headers, "employees-template.csv", ct));
        manage.MapPost("/imports/employees", async (IFormFile file, Import.EmployeeImport importer, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(stream, ct);
            return ImportAnswer(result, result.Errors);
        }).DisableAntiforgery();

        MapAttendance(g);
        LeaveApi.Map(g);
    }

    /// <summary>
    /// 勤怠: the signed-in employee's clock and 勤務表 (sign-in only), kiosk clocking by 社員番号 (<c>people.attendance.kiosk</c>;
    /// a POST with <c>Idempotency-Key</c> is answered once), other employees' 勤務表 and the department-month list
    /// (<c>people.attendance.read</c>).
    /// </summary>
    internal static void MapAttendance(RouteGroupBuilder g)
    {
        var a = g.MapGroup("/attendance");
        a.MapGet("/me", (AttendanceBook b, CancellationToken ct) => b.MyStatusAsync(ct));
        a.MapPost("/me/clock", (MyClock body, AttendanceBook b, CancellationToken ct) => b.ClockMineAsync(body.Kind, ct));
        a.MapGet("/me/{month}", (string month, AttendanceBook b, CancellationToken ct) => b.MyTimesheetAsync(month, ct));
        a.MapGet("/rule", (AttendanceBook b, CancellationToken ct) => b.RuleAsync(ct));
        a.MapPost("/clock", (KioskClock body, AttendanceBook b, CancellationToken ct) => b.ClockKioskAsync(body, ct))
            .RequirePermission(PeoplePermissions.AttendanceKiosk);
        a.MapGet("/{id:guid}/{month}", (Guid id, string month, AttendanceBook b, CancellationToken ct) => b.TimesheetAsync(id, month, ct))
            .ForResource<Employee>();
        a.MapGet("", (Guid? department, string month, AttendanceBook b, CancellationToken ct) => b.DepartmentMonthAsync(department, month, ct))
            .RequirePermission(PeoplePermissions.AttendanceRead);
        a.MapGet("/export", async (Guid? department, string month, string? format, AttendanceBook b, IStringLocalizer<PeopleUi> p, CancellationToken ct) =>
            await TableDownload.FileAsync(format, p["AttendanceList"] + "-" + month, AttendanceTable(await b.DepartmentMonthAsync(department, month, ct), p), ct))
            .RequirePermission(PeoplePermissions.AttendanceRead);
        MapClose(a);
        a.MapGet("/agreement", (OvertimeWatch w, CancellationToken ct) => w.AgreementAsync(ct)).RequirePermission(PeoplePermissions.AttendanceRead);
        a.MapPut("/agreement", (OvertimeAgreementInput body, OvertimeWatch w, CancellationToken ct) => w.SetAgreementAsync(body, ct))
            .RequirePermission(PeoplePermissions.AttendanceRules);
        a.MapGet("/agreement/year", (Guid? department, int? year, OvertimeYear y, CancellationToken ct) => y.YearAsync(department, year, ct))
            .RequirePermission(PeoplePermissions.AttendanceRead);
    }

    /// <summary>
    /// 勤怠締め: close and reopen (<c>people.attendance.close</c>, within its data scope), the close in force for a
    /// department's month, and the closed totals payroll reads, as JSON or a file (<c>people.attendance.read</c>).
    /// </summary>
    private static void MapClose(RouteGroupBuilder a)
    {
        a.MapPost("/closes", (CloseMonthBody body, AttendanceMonthClose c, CancellationToken ct) => c.CloseAsync(body, ct))
            .RequirePermission(PeoplePermissions.AttendanceClose);
        a.MapPost("/closes/{id:guid}/reopen", (Guid id, ReopenCloseBody body, AttendanceMonthClose c, CancellationToken ct) => c.ReopenAsync(id, body, ct))
            .RequirePermission(PeoplePermissions.AttendanceClose).ForResource<AttendanceClose>();
        a.MapGet("/closes", async (Guid? department, string month, AttendanceMonthClose c, CancellationToken ct) =>
            await c.StateAsync(department, month, ct) is { } state ? Results.Ok(state) : Results.NoContent())
            .RequirePermission(PeoplePermissions.AttendanceRead);
        a.MapGet("/totals", (Guid? department, string month, AttendanceMonthClose c, CancellationToken ct) => c.TotalsAsync(department, month, ct))
            .RequirePermission(PeoplePermissions.AttendanceRead);
        a.MapGet("/totals/export", async (Guid? department, string month, string? format, AttendanceMonthClose c, IStringLocalizer<PeopleUi> p, CancellationToken ct) =>
            await TableDownload.FileAsync(format, p["AttTotalsTitle"] + "-" + month, TotalsTable(await c.TotalsAsync(department, month, ct), p), ct))
            .RequirePermission(PeoplePermissions.AttendanceRead);
    }

    /// <summary>An empty CSV with an import's header row (UTF-8 with BOM), to fill in.</summary>
    internal static async Task<IResult> TemplateAsync(IReadOnlyList<string> headers, string fileName, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await CsvTableWriter.WriteAsync(buffer, Table.Of(headers, Array.Empty<IReadOnlyList<object?>>()), CsvWriteOptions.Default, ct);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>An all-or-nothing import's answer: the result, or 400 with every error keyed <c>row N.column</c>.</summary>
    internal static IResult ImportAnswer<T>(T result, IReadOnlyList<RowError> errors) => errors.Count == 0
        ? Results.Ok(result)
        : TypedResults.ValidationProblem(errors.GroupBy(e => $"row {e.Row}.{e.Column}").ToDictionary(e => e.Key, e => e.Select(x => x.Message).ToArray()),
            title: PeopleMessages.ImportNothingImported);

    /// <summary>The closed month's totals as a table for payroll: days as numbers, hours as h:mm.</summary>
    internal static Table TotalsTable(IReadOnlyList<MonthTotalsDto> rows, IStringLocalizer<PeopleUi> p) => Table.Of(rows,
    [
        new TableColumn<MonthTotalsDto>(p["Number"], e => e.Number),
        new(p["Name"], e => e.Name),
        new(p["Department"], e => e.DepartmentName),
        new(p["AttMonth"], e => e.Month),
        new(p["ScheduledWorkDays"], e => e.ScheduledWorkDays),
        new(p["DaysWorked"], e => e.DaysWorked),
        new(p["AbsenceDays"], e => e.AbsenceDays),
        new(p["PaidLeaveDays"], e => e.PaidLeaveDays),
        new(p["UnpaidLeaveDays"], e => e.UnpaidLeaveDays),
        new(p["LeaveHours"], e => e.LeaveHours),
        new(p["WorkedHours"], e => AttendanceFormat.Hours(e.WorkedMinutes)),
        new(p["WithinScheduled"], e => AttendanceFormat.Hours(e.WithinScheduledMinutes)),
        new(p["NonStatutoryOvertime"], e => AttendanceFormat.Hours(e.NonStatutoryOvertimeMinutes)),
        new(p["StatutoryOvertime"], e => AttendanceFormat.Hours(e.StatutoryOvertimeMinutes)),
        new(p["WeeklyOvertime"], e => AttendanceFormat.Hours(e.WeeklyOvertimeMinutes)),
        new(p["OvertimeOver60"], e => AttendanceFormat.Hours(e.StatutoryOvertimeOver60Minutes)),
        new(p["Night"], e => AttendanceFormat.Hours(e.NightMinutes)),
        new(p["RestDayWork"], e => AttendanceFormat.Hours(e.StatutoryRestDayWorkMinutes)),
        new(p["Shortfall"], e => AttendanceFormat.Hours(e.ShortfallMinutes)),
    ]);

    /// <summary>The department-month list as a table: the same columns as the page, hours as h:mm.</summary>
    internal static Table AttendanceTable(IReadOnlyList<AttendanceSummaryDto> rows, IStringLocalizer<PeopleUi> p) => Table.Of(rows,
    [
        new TableColumn<AttendanceSummaryDto>(p["Number"], e => e.Number),
        new(p["Name"], e => e.Name),
        new(p["Department"], e => e.DepartmentName),
        new(p["DaysWorked"], e => e.Totals.DaysWorked),
        new(p["WorkedHours"], e => AttendanceFormat.Hours(e.Totals.WorkedMinutes)),
        new(p["WithinScheduled"], e => AttendanceFormat.Hours(e.Totals.WithinScheduledMinutes)),
        new(p["NonStatutoryOvertime"], e => AttendanceFormat.Hours(e.Totals.NonStatutoryOvertimeMinutes)),
        new(p["StatutoryOvertime"], e => AttendanceFormat.Hours(e.Totals.StatutoryOvertimeMinutes)),
        new(p["OvertimeOver60"], e => AttendanceFormat.Hours(e.Totals.StatutoryOvertimeOver60Minutes)),
        new(p["Night"], e => AttendanceFormat.Hours(e.Totals.NightMinutes)),
        new(p["RestDayWork"], e => AttendanceFormat.Hours(e.Totals.StatutoryRestDayWorkMinutes)),
        new(p["MissingClockOuts"], e => e.MissingClockOuts),
        new(p["BreakWarnings"], e => e.BreakWarnings),
    ]);

    /// <summary>The 社員一覧 as a table, headers in the reader's language; the same columns the page shows.</summary>
    internal static Table EmployeeTable(IAsyncEnumerable<EmployeeSummaryDto> employees, IStringLocalizer<PeopleUi> p) => Table.Of(employees,
    [
        new TableColumn<EmployeeSummaryDto>(p["Number"], e => e.Number),
        new(p["Name"], e => e.Name),
        new(p["Kana"], e => e.Kana),
        new(p["Department"], e => e.DepartmentName),
        new(p["Position"], e => e.PositionName),
        new(p["EmploymentTypeLabel"], e => p["EmploymentType." + e.EmploymentType].Value),
        new(p["StatusLabel"], e => p["Status." + e.Status].Value),
        new(p["HireDate"], e => e.HireDate),
        new(p["RetirementDate"], e => e.RetirementDate),
        new(p["Email"], e => e.Email),
        new(p["Phone"], e => e.Phone),
    ]);
}
