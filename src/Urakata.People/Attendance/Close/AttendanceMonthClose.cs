using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Workflow.Requests;

namespace Urakata.People.Attendance;

/// <summary>A 勤怠締め to make: a department's month, or the whole company's when <see cref="DepartmentId"/> is left out.</summary>
public sealed record CloseMonthBody(Guid? DepartmentId, string? Month);

/// <summary>Why a close is reopened (締め解除): required, kept on the close and in the audit trail.</summary>
public sealed record ReopenCloseBody(string? Reason);

/// <summary>A close as the 部署別勤怠 page shows it: by whom and when, and how many employees it holds.</summary>
public sealed record AttendanceCloseDto(Guid Id, Guid? DepartmentId, string? DepartmentName, string Month, string? ClosedByName, DateTimeOffset ClosedAt, int Employees);

/// <summary>One employee's closed month as payroll reads it (minutes, days).</summary>
public sealed record MonthTotalsDto(Guid EmployeeId, string Number, string Name, string? DepartmentName, string Month, Guid CloseId,
    int ScheduledWorkDays, int DaysWorked, int AbsenceDays, decimal PaidLeaveDays, decimal UnpaidLeaveDays, int LeaveHours,
    int WorkedMinutes, int WithinScheduledMinutes, int NonStatutoryOvertimeMinutes, int StatutoryOvertimeMinutes, int WeeklyOvertimeMinutes,
    int StatutoryOvertimeOver60Minutes, int NightMinutes, int StatutoryRestDayWorkMinutes, int ShortfallMinutes);

/// <summary>
/// 勤怠締め: closes a department's month (<see cref="PeoplePermissions.AttendanceClose"/> within its data scope — a
/// 部署-scoped holder closes the departments they reach) or the whole company's (company scope only). Refused, with
/// nothing changed, while an employee in it has a missing clock-out or a 打刻修正申請 of the month still awaiting a
/// decision. Closing stores each employee's <see cref="AttendanceMonthTotals"/> (which locks their month); employees
/// already closed by another close keep theirs. Reopening needs the same right and a reason and removes the totals.
/// </summary>
public sealed class AttendanceMonthClose(UrakataDbContext db, CurrentUser currentUser, EmployeeAccess access, Timesheets timesheets, ILeaveCalendar leave, TimeProvider clock)
{
    public async Task<AttendanceCloseDto> CloseAsync(CloseMonthBody body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var first = AttendanceBook.ParseMonth(body.Month);
        var last = first.AddMonths(1).AddDays(-1);
        var employees = await (await InScopeAsync(body.DepartmentId, ct)).AsNoTracking()
            .Where(e => e.HireDate <= last && (e.RetirementDate == null || e.RetirementDate >= first))
            .OrderBy(e => e.Number).ToListAsync(ct);
        var ids = employees.Select(e => e.Id).ToList();
        var closed = (await db.Set<AttendanceMonthTotals>().Where(t => ids.Contains(t.EmployeeId) && t.Month == first).Select(t => t.EmployeeId).ToListAsync(ct)).ToHashSet();
        var open = employees.Where(e => !closed.Contains(e.Id)).ToList();
        if (open.Count == 0)
        {
            throw employees.Count == 0
                ? new DomainException(PeopleMessages.Format(PeopleMessages.CloseNoEmployees, AttendanceLocks.MonthText(first)), "departmentId")
                : new ConflictException(PeopleMessages.Format(PeopleMessages.CloseAlreadyClosed, AttendanceLocks.MonthText(first)));
        }

        var sheets = await timesheets.SummariesAsync(open, first, await timesheets.DefaultRuleAsync(ct), ct);
        var missing = sheets.SelectMany(s => s.Days.Where(d => d.Warnings.Any(w => w.Kind == AttendanceWarningKind.MissingClockOut))
            .Select(d => $"{s.Number} {s.Name} {PeopleMessages.Date(d.Date)}")).ToList();
        var pending = await PendingCorrectionsAsync(open, first, last, ct);
        if (missing.Count > 0 || pending.Count > 0)
        {
            // Everything that stands in the way at once, so the manager can chase it all in one go.
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add(PeopleMessages.Format(PeopleMessages.CloseMissingClockOuts, string.Join("、", missing)));
            }

            if (pending.Count > 0)
            {
                problems.Add(PeopleMessages.Format(PeopleMessages.ClosePendingCorrections, string.Join("、", pending)));
            }

            throw new DomainException(string.Join(" ", problems), "month");
        }

        var close = new AttendanceClose(body.DepartmentId, first, currentUser.RequireUser(), clock.GetUtcNow().UtcDateTime);
        db.Add(close);
        var taken = await leave.TakenAsync(open.Select(e => e.Id).ToList(), first, last, ct);
        foreach (var (employee, sheet) in open.Zip(sheets))
        {
            db.Add(AttendanceMonthTotals.From(close.Id, sheet, employee.HireDate, employee.RetirementDate, taken));
        }

        // The close, its totals and their audit rows commit together.
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(close, ct);
    }

    public async Task<AttendanceCloseDto> ReopenAsync(Guid closeId, ReopenCloseBody body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var close = await db.Set<AttendanceClose>().SingleOrDefaultAsync(c => c.Id == closeId, ct) ?? throw new NotFoundException(nameof(AttendanceClose));
        await InScopeAsync(close.DepartmentId, ct);
        close.Reopen(currentUser.RequireUser(), clock.GetUtcNow().UtcDateTime, body.Reason);
        db.RemoveRange(await db.Set<AttendanceMonthTotals>().Where(t => t.CloseId == close.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(close, ct);
    }

    /// <summary>The close in force for the department's month (its own, else the company's), or null when it is open.</summary>
    public async Task<AttendanceCloseDto?> StateAsync(Guid? department, string? month, CancellationToken ct = default)
    {
        var first = AttendanceBook.ParseMonth(month);
        var closes = await db.Set<AttendanceClose>().AsNoTracking()
            .Where(c => c.Month == first && c.ReopenedAt == null && (c.DepartmentId == department || c.DepartmentId == null)).ToListAsync(ct);
        var close = closes.OrderBy(c => c.DepartmentId is null ? 1 : 0).ThenByDescending(c => c.ClosedAt).FirstOrDefault();
        return close is null ? null : await ToDtoAsync(close, ct);
    }

    /// <summary>The closed months' totals of the employees <see cref="PeoplePermissions.AttendanceRead"/> reaches, in 社員番号 order.</summary>
    public async Task<List<MonthTotalsDto>> TotalsAsync(Guid? department, string? month, CancellationToken ct = default)
    {
        var first = AttendanceBook.ParseMonth(month);
        var employees = await (await access.ReachableAsync(PeoplePermissions.AttendanceRead, ct)).AsNoTracking()
            .Where(e => department == null || e.DepartmentId == department).ToDictionaryAsync(e => e.Id, ct);
        var ids = employees.Keys.ToList();
        var totals = await db.Set<AttendanceMonthTotals>().AsNoTracking().Where(t => t.Month == first && ids.Contains(t.EmployeeId)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. totals.Select(t => (Total: t, Employee: employees[t.EmployeeId])).OrderBy(x => x.Employee.Number).Select(x => new MonthTotalsDto(
            x.Employee.Id, x.Employee.Number, x.Employee.Name, x.Employee.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            AttendanceLocks.MonthText(first), x.Total.CloseId, x.Total.ScheduledWorkDays, x.Total.DaysWorked, x.Total.AbsenceDays, x.Total.PaidLeaveDays,
            x.Total.UnpaidLeaveDays, x.Total.LeaveHours, x.Total.WorkedMinutes, x.Total.WithinScheduledMinutes, x.Total.NonStatutoryOvertimeMinutes,
            x.Total.StatutoryOvertimeMinutes, x.Total.WeeklyOvertimeMinutes, x.Total.StatutoryOvertimeOver60Minutes, x.Total.NightMinutes,
            x.Total.StatutoryRestDayWorkMinutes, x.Total.ShortfallMinutes))];
    }

    /// <summary>
    /// The employees the close right reaches for <paramref name="department"/> (its own members), or the whole company when
    /// none is given — which needs the right with company scope. A department beyond the grant's scope is not found.
    /// </summary>
    private async Task<IQueryable<Employee>> InScopeAsync(Guid? department, CancellationToken ct)
    {
        var reach = await access.DepartmentsAsync(PeoplePermissions.AttendanceClose, ct);
        if (department is null)
        {
            return reach is null
                ? db.Set<Employee>()
                : throw new DomainException(PeopleMessages.CloseCompanyNeedsCompanyScope, "departmentId");
        }

        if ((reach is not null && !reach.Contains(department.Value)) || !await db.Departments.AnyAsync(d => d.Id == department, ct))
        {
            throw new NotFoundException("Department");
        }

        return db.Set<Employee>().Where(e => e.DepartmentId == department);
    }

    /// <summary>打刻修正申請 of the month still awaiting a decision (in progress or sent back), as "AT-… 氏名 日付".</summary>
    private async Task<List<string>> PendingCorrectionsAsync(List<Employee> employees, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var users = employees.Where(e => e.UserId != null).ToDictionary(e => e.UserId!.Value);
        var applicants = users.Keys.ToList();
        var requests = await db.Set<ApprovalRequest>().AsNoTracking()
            .Where(r => r.KindCode == AttendanceCorrections.Kind && (r.Status == RequestStatus.InProgress || r.Status == RequestStatus.SentBack)
                && applicants.Contains(r.ApplicantId))
            .ToListAsync(ct);
        return [.. requests
            .Select(r => (Request: r, Date: r.Values[AttendanceCorrections.Fields.WorkDate] is JsonValue v && v.TryGetValue<string>(out var s)
                && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null))
            .Where(x => x.Date >= first && x.Date <= last)
            .OrderBy(x => x.Request.Number, StringComparer.Ordinal)
            .Select(x => $"{x.Request.Number} {users[x.Request.ApplicantId].Name} {PeopleMessages.Date(x.Date!.Value)}")];
    }

    private async Task<AttendanceCloseDto> ToDtoAsync(AttendanceClose close, CancellationToken ct)
    {
        var by = await db.Users.AsNoTracking().Where(u => u.Id == close.ClosedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var department = close.DepartmentId is { } d ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var count = await db.Set<AttendanceMonthTotals>().CountAsync(t => t.CloseId == close.Id, ct);
        return new AttendanceCloseDto(close.Id, close.DepartmentId, department, AttendanceLocks.MonthText(close.Month), by, AttendanceBook.Offset(close.ClosedAt), count);
    }
}
