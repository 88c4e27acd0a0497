using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance.Systems;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.People.Attendance;

/// <summary>One date of an employee's シフト: stored (<see cref="FromRule"/> false) or the rule's standard week.</summary>
public sealed record ShiftDayDto(DateOnly Date, ShiftKind Kind, TimeOnly? Start, TimeOnly? End, int BreakMinutes, int ScheduledMinutes, bool FromRule);

/// <summary>An employee's シフト for a month, with the month's scheduled total and the 変形 cap of its days (40 h × days ÷ 7).</summary>
public sealed record ShiftMonthDto(Guid EmployeeId, string Number, string Name, Guid RuleId, string RuleName, string Month,
    IReadOnlyList<ShiftDayDto> Days, int ScheduledMinutes, int CapMinutes);

/// <summary>A date's シフト as sent: a work day with start, end (at or before the start: next day) and break, or a day off.</summary>
public sealed record ShiftInput(DateOnly Date, ShiftKind Kind, TimeOnly? Start = null, TimeOnly? End = null, int BreakMinutes = 0);

/// <summary>The シフト of some dates of one month (yyyy-MM); dates not sent keep what they have.</summary>
public sealed record ShiftMonthInput(string? Month, IReadOnlyList<ShiftInput>? Days);

/// <summary>
/// シフト of employees under 1か月単位の変形労働時間制 (<see cref="ShiftDay"/>): read and set by month, within the data scope
/// of <see cref="PeoplePermissions.AttendanceRules"/> (<see cref="EmployeeAccess"/>; others 404). A change is refused as a
/// whole when the employee's rule is not 変形, a date's month is closed, a shift is malformed, or a period's scheduled
/// total would pass 40 h × 暦日数 ÷ 7 (32条の2, <see cref="MonthlyVariableSchedule.CheckSchedule"/>).
/// </summary>
public sealed class ShiftCalendar(UrakataDbContext db, EmployeeAccess access, Timesheets timesheets)
{
    /// <summary>The 変形 employees of a department (all reachable when none is given) with their month's シフト, in 社員番号 order.</summary>
    public async Task<List<ShiftMonthDto>> MonthAsync(Guid? department, string? month, CancellationToken ct = default)
    {
        var first = AttendanceBook.ParseMonth(month);
        var last = first.AddMonths(1).AddDays(-1);
        var employees = await (await access.ReachableAsync(PeoplePermissions.AttendanceRules, ct)).AsNoTracking()
            .Where(e => department == null || e.DepartmentId == department)
            .Where(e => e.HireDate <= last && (e.RetirementDate == null || e.RetirementDate >= first))
            .OrderBy(e => e.Number).ToListAsync(ct);
        var plans = await PlansAsync(employees, first, ct);
        return [.. employees.Where(e => plans.RuleOf(e).TimeSystem == WorkingTimeSystem.MonthlyVariable).Select(e => ToDto(e, plans, first))];
    }

    public async Task<ShiftMonthDto> EmployeeMonthAsync(Guid employeeId, string? month, CancellationToken ct = default)
    {
        var employee = await ReachAsync(employeeId, ct);
        var first = AttendanceBook.ParseMonth(month);
        return ToDto(employee, await PlansAsync([employee], first, ct), first);
    }

    public async Task<ShiftMonthDto> SetAsync(Guid employeeId, ShiftMonthInput body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var employee = await ReachAsync(employeeId, ct);
        var first = AttendanceBook.ParseMonth(body.Month);
        var days = body.Days ?? [];
        if (days.FirstOrDefault(d => d.Date < first || d.Date >= first.AddMonths(1)) is { } outside)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.ShiftOutsideMonth, PeopleMessages.Date(outside.Date), AttendanceLocks.MonthText(first)), "days");
        }

        await CheckAsync(employee, first, days, ct);
        await StoreAsync(employee.Id, days, ct);
        await db.SaveChangesAsync(ct);
        return await EmployeeMonthAsync(employeeId, body.Month, ct);
    }

    /// <summary>
    /// Every rule of a change of one employee's month, nothing stored: the rule is 変形, the month open, each shift well formed,
    /// and every period the month touches within the cap with the new shifts in place.
    /// </summary>
    internal async Task CheckAsync(Employee employee, DateOnly first, IReadOnlyList<ShiftInput> days, CancellationToken ct)
    {
        if (days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.ShiftDateTwice, PeopleMessages.Date(twice.Key)), "days");
        }

        var plans = await PlansAsync([employee], first, ct);
        var plan = plans.For(employee);
        if (plan.Rule.TimeSystem != WorkingTimeSystem.MonthlyVariable)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.ShiftRuleNotVariable, employee.Number + " " + employee.Name, plan.Rule.Name), "employee");
        }

        if (days.Count > 0 && await AttendanceLocks.IsClosedAsync(db, employee.Id, first, ct))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.AttendanceMonthClosed, AttendanceLocks.MonthText(first)), "month");
        }

        var changed = days.ToDictionary(d => d.Date, d => new ShiftDay(employee.Id, d.Date, d.Kind, d.Start, d.End, d.BreakMinutes));
        var last = first.AddMonths(1).AddDays(-1);
        for (var (start, end) = plan.Rule.VariablePeriodOf(first); start <= last; (start, end) = (end, end.AddMonths(1)))
        {
            var period = new List<VariableDay>();
            for (var d = start; d < end; d = d.AddDays(1))
            {
                var scheduled = changed.TryGetValue(d, out var shift)
                    ? shift.ScheduledMinutes
                    : plan.KindOf(d) == DayKind.StatutoryRestDay ? 0 : plan.ScheduledMinutesOn(d);
                period.Add(new VariableDay(d, scheduled, 0));
            }

            try
            {
                MonthlyVariableSchedule.CheckSchedule(period);
            }
            catch (DomainException ex)
            {
                throw new DomainException($"{employee.Number} {employee.Name} {PeopleMessages.Date(start)}〜{PeopleMessages.Date(end.AddDays(-1))}: {ex.Message}", "days");
            }
        }
    }

    internal async Task StoreAsync(Guid employeeId, IReadOnlyList<ShiftInput> days, CancellationToken ct)
    {
        var dates = days.Select(d => d.Date).ToList();
        var existing = await db.Set<ShiftDay>().Where(s => s.EmployeeId == employeeId && dates.Contains(s.Date)).ToDictionaryAsync(s => s.Date, ct);
        foreach (var d in days)
        {
            if (existing.TryGetValue(d.Date, out var shift))
            {
                shift.Set(d.Kind, d.Start, d.End, d.BreakMinutes);
            }
            else
            {
                db.Add(new ShiftDay(employeeId, d.Date, d.Kind, d.Start, d.End, d.BreakMinutes));
            }
        }
    }

    private async Task<Employee> ReachAsync(Guid employeeId, CancellationToken ct) =>
        await (await access.ReachableAsync(PeoplePermissions.AttendanceRules, ct)).AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
            ?? throw new NotFoundException(nameof(Employee));

    private async Task<WorkingTimePlans> PlansAsync(IReadOnlyList<Employee> employees, DateOnly first, CancellationToken ct) =>
        await WorkingTimePlans.LoadAsync(db, timesheets, null, employees, first, first, await timesheets.CurrentRuleAsync(ct), ct);

    private static ShiftMonthDto ToDto(Employee employee, WorkingTimePlans plans, DateOnly first)
    {
        var plan = plans.For(employee);
        var days = new List<ShiftDayDto>();
        for (var d = first; d < first.AddMonths(1); d = d.AddDays(1))
        {
            days.Add(plan.ShiftOn(d) is { } s
                ? new ShiftDayDto(d, s.Kind, s.Start, s.End, s.BreakMinutes, s.ScheduledMinutes, false)
                : plan.KindOf(d) switch
                {
                    DayKind.WorkDay => new ShiftDayDto(d, ShiftKind.Work, plan.Rule.StartTime, plan.Rule.EndTime, plan.Rule.BreakMinutes, plan.ScheduledMinutesOn(d), true),
                    DayKind.ScheduledRestDay => new ShiftDayDto(d, ShiftKind.RestDay, null, null, 0, 0, true),
                    _ => new ShiftDayDto(d, ShiftKind.StatutoryRestDay, null, null, 0, 0, true),
                });
        }

        return new ShiftMonthDto(employee.Id, employee.Number, employee.Name, plan.Rule.Id, plan.Rule.Name, AttendanceLocks.MonthText(first), days,
            days.Where(d => d.Kind != ShiftKind.StatutoryRestDay).Sum(d => d.ScheduledMinutes), MonthlyVariableSchedule.CapMinutes(days.Count));
    }
}
