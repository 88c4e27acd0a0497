using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Attendance;

/// <summary>A clock action from a kiosk or IC-card reader: the 社員番号, the kind, and the time (now when left out).</summary>
public sealed record KioskClock(string? EmployeeNumber, ClockKind Kind, DateTimeOffset? At = null);

/// <summary>A clock action of the signed-in employee; always at the server's time.</summary>
public sealed record MyClock(ClockKind Kind);

/// <summary>A span in Japan time (+09:00); <see cref="End"/> null while open (退勤 missing).</summary>
public sealed record SpanDto(DateTimeOffset Start, DateTimeOffset? End);

/// <summary>One row of the 勤務表: clock records and the <see cref="DailyClassifier"/> result after the 40-hour week.</summary>
public sealed record TimesheetDayDto(DateOnly Date, DayKind Kind, IReadOnlyList<SpanDto> Work, IReadOnlyList<SpanDto> Breaks,
    int WorkedMinutes, int BreakMinutes, int WithinScheduledMinutes, int NonStatutoryOvertimeMinutes, int StatutoryOvertimeMinutes,
    int WeeklyOvertimeMinutes, int NightMinutes, int StatutoryRestDayWorkMinutes, IReadOnlyList<AttendanceWarning> Warnings)
{
    /// <summary>Scheduled time not worked on a day with records (遅刻・早退).</summary>
    public int ShortfallMinutes { get; init; }

    /// <summary>The latest approved 打刻修正 of the date, if any: what it was, what it is, the request and the approver.</summary>
    public AttendanceCorrectionDto? Correction { get; init; }
}

/// <summary>An employee's 勤務表 of a month, with its totals (<see cref="MonthlyOvertime"/>).</summary>
public sealed record TimesheetDto(Guid EmployeeId, string Number, string Name, string Month, int ScheduledMinutesPerDay,
    IReadOnlyList<TimesheetDayDto> Days, MonthlyHours Totals, int MissingClockOuts, int BreakWarnings, bool Closed)
{
    /// <summary>The month against the 36協定, when read through <see cref="AttendanceBook"/>.</summary>
    public OvertimeStatusDto? Overtime { get; init; }
}

/// <summary>One employee's line of the department-month list.</summary>
public sealed record AttendanceSummaryDto(Guid EmployeeId, string Number, string Name, string? DepartmentName, MonthlyHours Totals, int MissingClockOuts, int BreakWarnings)
{
    public OvertimeStatusDto? Overtime { get; init; }
}

/// <summary>The current state of the signed-in employee's clock: what the card's buttons offer.</summary>
public sealed record ClockStatusDto(Guid EmployeeId, string Name, DateOnly? OpenDate, DateTimeOffset? ClockedInAt, DateTimeOffset? BreakSince);

/// <summary>The company's working-time rule as read by forms and the API.</summary>
public sealed record WorkRuleDto(Guid Id, string Name, TimeOnly StartTime, TimeOnly EndTime, int BreakMinutes, int ScheduledMinutes,
    DayOfWeek WeekStart, DayOfWeek StatutoryRestDay, IReadOnlyList<DayOfWeek> ScheduledRestDays, bool HolidaysOff, int RoundingMinutes)
{
    public bool IsDefault { get; init; }
    public WorkingTimeSystem TimeSystem { get; init; }
    public int FlexMonths { get; init; } = 1;
    public int FlexStartMonth { get; init; } = 1;
    public int? FlexTotalMinutes { get; init; }
    public int? FlexDailyMinutes { get; init; }
    public TimeOnly? CoreStart { get; init; }
    public TimeOnly? CoreEnd { get; init; }
    public int VariableStartDay { get; init; } = 1;
    /// <summary>Employees in service under the rule (the default counts those without one).</summary>
    public int Employees { get; init; }
    public int Version { get; init; }
}

/// <summary>
/// 勤怠: clock actions (web card, kiosk API), the 勤務表 of an employee's month and the department-month totals. The rules
/// are <see cref="DailyClassifier"/>, <see cref="WeeklyOvertime"/> and <see cref="MonthlyOvertime"/>; this class only
/// loads, checks rights and stores. One's own attendance needs only a sign-in; anyone else's needs
/// <see cref="PeoplePermissions.AttendanceRead"/> within its data scope (<see cref="EmployeeAccess"/>: a manager with a
/// department scope sees the departments they hold a post in); outside it, and another company's employee, is 404.
/// </summary>
public sealed class AttendanceBook(UrakataDbContext db, CurrentUser currentUser, PermissionService permissions, EmployeeAccess access, Timesheets timesheets, OvertimeWatch overtime, TimeProvider clock)
{
    /// <summary>The company's default work rule, made on first use (09:00–18:00, 60 min break, Sunday 法定休日, Saturday and holidays off).</summary>
    public Task<WorkRule> DefaultRuleAsync(CancellationToken ct = default) => timesheets.DefaultRuleAsync(ct);

    /// <summary>
    /// Each employee's own work rule with their シフト and the company's days off of <paramref name="from"/>..<paramref name="to"/>
    /// (<see cref="WorkingTimePlans.ScheduleAsync"/>): the work days and day lengths leave reads, as the 勤務表 does.
    /// <paramref name="save"/> false (inside an approval's unit of work): a default rule not made yet is not saved.
    /// </summary>
    internal async Task<WorkingTimePlans> SchedulesAsync(IReadOnlyCollection<Employee> employees, DateOnly? from, DateOnly? to, bool save, CancellationToken ct) =>
        await WorkingTimePlans.ScheduleAsync(db, employees, save ? await timesheets.DefaultRuleAsync(ct) : await timesheets.CurrentRuleAsync(ct), from, to, ct);

    public async Task<WorkRuleDto> RuleAsync(CancellationToken ct = default) => WorkRules.ToDto(await DefaultRuleAsync(ct));

    /// <summary>Clock action of the signed-in employee (the home card and the 勤怠 page).</summary>
    public async Task<ClockStatusDto> ClockMineAsync(ClockKind kind, CancellationToken ct = default)
    {
        var employee = await MyEmployeeAsync(ct);
        await ClockAsync(employee, kind, clock.GetUtcNow().UtcDateTime, ct);
        return await StatusAsync(employee, ct);
    }

    /// <summary>Clock action from a kiosk or IC-card reader, by 社員番号 (<see cref="PeoplePermissions.AttendanceKiosk"/>).</summary>
    public async Task<ClockStatusDto> ClockKioskAsync(KioskClock body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        await permissions.RequireAsync(PeoplePermissions.AttendanceKiosk, ct);
        var number = JapaneseText.Narrow(body.EmployeeNumber ?? "").Trim();
        var employee = await db.Set<Employee>().SingleOrDefaultAsync(e => e.Number == number, ct)
            ?? throw new DomainException(PeopleMessages.Format(PeopleMessages.EmployeeNumberUnknown, number), "employeeNumber");
        await ClockAsync(employee, body.Kind, (body.At ?? clock.GetUtcNow()).UtcDateTime, ct);
        return await StatusAsync(employee, ct);
    }

    public async Task<ClockStatusDto> MyStatusAsync(CancellationToken ct = default) => await StatusAsync(await MyEmployeeAsync(ct), ct);

    /// <summary>The 勤務表 of <paramref name="month"/> (yyyy-MM) for the employee, 404 for another company's, 403 for someone else's without the right.</summary>
    public async Task<TimesheetDto> TimesheetAsync(Guid employeeId, string month, CancellationToken ct = default)
    {
        var employee = await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct) ?? throw new NotFoundException(nameof(Employee));
        var first = ParseMonth(month);
        if ((employee.UserId is null || employee.UserId != currentUser.UserId)
            && !await (await access.ReachableAsync(PeoplePermissions.AttendanceRead, ct)).AnyAsync(e => e.Id == employeeId, ct))
        {
            // Beyond the data scope of the grant (own / department / company): as if it were not there.
            throw new NotFoundException(nameof(Employee));
        }

        var rule = await DefaultRuleAsync(ct);
        var sheet = (await timesheets.BuildAsync([employee], first, rule, ct)).Single();
        return sheet with { Overtime = (await overtime.StatusAsync([employee], first, [sheet], ct)).Single() };
    }

    public async Task<TimesheetDto> MyTimesheetAsync(string month, CancellationToken ct = default) =>
        await TimesheetAsync((await MyEmployeeAsync(ct)).Id, month, ct);

    /// <summary>Month totals per employee of a department (all employees when none is given), in 社員番号 order.</summary>
    public async Task<List<AttendanceSummaryDto>> DepartmentMonthAsync(Guid? department, string month, CancellationToken ct = default)
    {
        var reachable = await access.ReachableAsync(PeoplePermissions.AttendanceRead, ct);
        var first = ParseMonth(month);
        var last = first.AddMonths(1).AddDays(-1);
        var employees = await reachable.AsNoTracking()
            .Where(e => department == null || e.DepartmentId == department)
            .Where(e => e.HireDate <= last && (e.RetirementDate == null || e.RetirementDate >= first))
            .OrderBy(e => e.Number).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var rule = await DefaultRuleAsync(ct);
        var sheets = await timesheets.SummariesAsync(employees, first, rule, ct);
        var status = await overtime.StatusAsync(employees, first, sheets, ct);
        return [.. employees.Zip(sheets, status).Select(x => new AttendanceSummaryDto(x.First.Id, x.First.Number, x.First.Name,
            x.First.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, x.Second.Totals, x.Second.MissingClockOuts, x.Second.BreakWarnings)
            { Overtime = x.Third })];
    }

    internal static DateOnly ParseMonth(string? month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && first.Year is >= 2000 and <= JapaneseHolidays.MaxYear - 1
            ? first
            : throw new DomainException(PeopleMessages.MonthInvalid, "month");

    private async Task ClockAsync(Employee employee, ClockKind kind, DateTime atUtc, CancellationToken ct)
    {
        var local = AttendanceDay.Local(atUtc);
        var today = DateOnly.FromDateTime(local);
        // A shift is open on its start date until 退勤, for at most 24 hours; an older open span stays flagged, not closed.
        var open = await db.Set<AttendanceDay>().Include(d => d.Spans)
            .Where(d => d.EmployeeId == employee.Id && (d.Date == today || d.Date == today.AddDays(-1)))
            .OrderByDescending(d => d.Date).ToListAsync(ct);
        var running = open.FirstOrDefault(d => d.OpenWork is { } w && (d.Date == today || atUtc - w.StartUtc <= AttendanceDay.LongestShift));
        // A clock-in opens today's record: yesterday's forgotten clock-out does not block the next morning (it stays
        // flagged); a second clock-in on the same date is refused by the day itself.
        var day = kind == ClockKind.In ? open.FirstOrDefault(d => d.Date == today) : running;
        if (day is null && kind != ClockKind.In)
        {
            throw new DomainException(PeopleMessages.NotClockedIn, "kind");
        }

        var date = day?.Date ?? today;
        if (await AttendanceLocks.IsClosedAsync(db, employee.Id, date, ct))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.AttendanceMonthClosed, AttendanceLocks.MonthText(date)), "at");
        }

        // Checked before it is tracked: a refused clock leaves nothing behind in a page's long-lived scope.
        var created = day is null;
        day ??= new AttendanceDay(employee.Id, today);
        day.Clock(kind, atUtc);
        if (created)
        {
            db.Add(day);
        }

        if (kind == ClockKind.Out)
        {
            // A clock-out is when the day's overtime becomes known: alerts are saved with it, or not at all.
            await overtime.QueueAlertsAsync(employee, day.Date, [day], ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<ClockStatusDto> StatusAsync(Employee employee, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.DateOf(now);
        var days = await db.Set<AttendanceDay>().AsNoTracking().Include(d => d.Spans)
            .Where(d => d.EmployeeId == employee.Id && (d.Date == today || d.Date == today.AddDays(-1)))
            .OrderByDescending(d => d.Date).ToListAsync(ct);
        var day = days.FirstOrDefault(d => d.OpenWork is { } w && (d.Date == today || now - w.StartUtc <= AttendanceDay.LongestShift));
        return new ClockStatusDto(employee.Id, employee.Name, day?.Date, day?.OpenWork is { } o ? Offset(o.StartUtc) : null,
            day?.OpenBreak is { } b ? Offset(b.StartUtc) : null);
    }

    private async Task<Employee> MyEmployeeAsync(CancellationToken ct)
    {
        var userId = currentUser.RequireUser();
        return await db.Set<Employee>().SingleOrDefaultAsync(e => e.UserId == userId, ct)
            ?? throw new NotFoundException(nameof(Employee));
    }

    internal static DateTimeOffset Offset(DateTime utc) => new(AttendanceDay.Local(utc), JapanTime.Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
