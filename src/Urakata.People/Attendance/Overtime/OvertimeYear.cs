using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Attendance;

/// <summary>
/// One month of an employee's 協定 year: 時間外 (法定外残業), 時間外 + 法定休日労働, the highest 2–6-month average ending
/// here (null when no window is complete: months before the hire are not counted), and the highest alert level of any
/// limit in the month. <see cref="Closed"/>: read from the 勤怠締め totals; else from the 勤務表 as it stands. A future month is
/// null in <see cref="OvertimeYearRowDto.Months"/>.
/// </summary>
public sealed record OvertimeMonthDto(DateOnly Month, int OvertimeMinutes, int WithRestDayWorkMinutes, int? HighestAverageMinutes, int? HighestAverageMonths,
    AlertLevel Level, bool Closed);

/// <summary>An employee's 協定 year: twelve months from the 起算月, the year's 時間外, the months over the monthly 限度時間, and the year's highest level.</summary>
public sealed record OvertimeYearRowDto(Guid EmployeeId, string Number, string Name, IReadOnlyList<OvertimeMonthDto?> Months, int YearOvertimeMinutes,
    int MonthsOverMonthlyLimit, AlertLevel Level);

public sealed record OvertimeYearDto(DateOnly From, DateOnly To, OvertimeAgreementInput Agreement, IReadOnlyList<OvertimeYearRowDto> Rows);

/// <summary>
/// The 36協定 page: the company's figures (anyone with <c>people.attendance.read</c> reads them; <c>people.attendance.rules</c>
/// changes them) and a department's 協定 year per employee, checked month by month with <see cref="OvertimeAgreementChecker"/>
/// over the same figures <see cref="OvertimeWatch"/> uses (closed months from their totals, open ones from the 勤務表,
/// the 5 months before the year for the averages).
/// </summary>
public sealed class OvertimeYear(UrakataDbContext db, OvertimeWatch watch, Timesheets timesheets, EmployeeAccess access, PermissionService permissions, TimeProvider clock)
{
    public async Task<OvertimeAgreementInput> AgreementAsync(CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.AttendanceRead, ct);
        return await watch.AgreementAsync(ct);
    }

    public async Task<OvertimeAgreementInput> SetAgreementAsync(OvertimeAgreementInput input, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.AttendanceRules, ct);
        return await watch.SetAgreementAsync(input, ct);
    }

    /// <summary>
    /// The 協定 year that starts in <paramref name="startYear"/> (its 起算月; none: the year running today) for the employees
    /// of <paramref name="department"/> (none: everyone) within the data scope of <c>people.attendance.read</c>.
    /// </summary>
    public async Task<OvertimeYearDto> YearAsync(Guid? department, int? startYear, CancellationToken ct = default)
    {
        var reachable = await access.ReachableAsync(PeoplePermissions.AttendanceRead, ct);
        var settings = await watch.SettingsAsync(ct);
        var agreement = settings.ToAgreement();
        var today = JapanTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var year = startYear ?? (today.Month >= agreement.FirstMonth ? today.Year : today.Year - 1);
        if (year is < 2000 or > 2100)
        {
            throw new Platform.Domain.DomainException(PeopleMessages.MonthInvalid, "year");
        }
        var from = new DateOnly(year, agreement.FirstMonth, 1);
        var to = from.AddMonths(12);
        var employees = await reachable.AsNoTracking()
            .Where(e => department == null || e.DepartmentId == department)
            .Where(e => e.HireDate < to && (e.RetirementDate == null || e.RetirementDate >= from))
            .OrderBy(e => e.Number).ToListAsync(ct);

        // The months the checks read: the 5 before the year (averages) through this month or the year's end.
        var first = from.AddMonths(-(agreement.LongestAverageMonths - 1));
        var last = to.AddMonths(-1) < thisMonth ? to.AddMonths(-1) : thisMonth;
        var figures = new Dictionary<(Guid, DateOnly), MonthlyOvertimeFigures>();
        var closed = new HashSet<(Guid, DateOnly)>();
        var ids = employees.Select(e => e.Id).ToList();
        foreach (var t in await db.Set<AttendanceMonthTotals>().AsNoTracking()
            .Where(t => ids.Contains(t.EmployeeId) && t.Month >= first && t.Month <= last)
            .Select(t => new { t.EmployeeId, t.Month, t.StatutoryOvertimeMinutes, t.StatutoryRestDayWorkMinutes }).ToListAsync(ct))
        {
            figures[(t.EmployeeId, t.Month)] = new MonthlyOvertimeFigures(t.Month, t.StatutoryOvertimeMinutes, t.StatutoryRestDayWorkMinutes);
            closed.Add((t.EmployeeId, t.Month));
        }
        var rule = await timesheets.CurrentRuleAsync(ct);
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            var open = employees.Where(e => Employed(e, m) && !figures.ContainsKey((e.Id, m))).ToList();
            if (open.Count == 0)
            {
                continue;
            }
            foreach (var sheet in await timesheets.SummariesAsync(open, m, rule, ct))
            {
                figures[(sheet.EmployeeId, m)] = new MonthlyOvertimeFigures(m, sheet.Totals.StatutoryOvertimeMinutes, sheet.Totals.StatutoryRestDayWorkMinutes);
            }
        }

        var rows = new List<OvertimeYearRowDto>(employees.Count);
        foreach (var e in employees)
        {
            var history = figures.Where(f => f.Key.Item1 == e.Id).Select(f => f.Value).ToList();
            var months = new List<OvertimeMonthDto?>(12);
            for (var m = from; m < to; m = m.AddMonths(1))
            {
                if (m > last || !Employed(e, m))
                {
                    months.Add(null);
                    continue;
                }
                var month = m;
                var report = OvertimeAgreementChecker.Check(agreement, history.Where(h => h.Month <= month), month);
                var average = report.Limits.Where(l => l.Limit == OvertimeLimit.Average).MaxBy(l => l.Used * 1m / l.Months);
                var own = figures.GetValueOrDefault((e.Id, m)) ?? new MonthlyOvertimeFigures(m, 0, 0);
                months.Add(new OvertimeMonthDto(m, own.StatutoryOvertimeMinutes, own.WithRestDayWorkMinutes,
                    average is null ? null : average.Used / average.Months, average?.Months, report.HighestLevel, closed.Contains((e.Id, m))));
            }
            var inYear = months.OfType<OvertimeMonthDto>().ToList();
            rows.Add(new OvertimeYearRowDto(e.Id, e.Number, e.Name, months, inYear.Sum(x => x.OvertimeMinutes),
                inYear.Count(x => x.OvertimeMinutes > agreement.MonthlyLimitMinutes), inYear.Select(x => x.Level).DefaultIfEmpty(AlertLevel.None).Max()));
        }
        return new OvertimeYearDto(from, to.AddDays(-1), settings.ToInput(), rows);
    }

    private static bool Employed(Employee e, DateOnly month) => e.HireDate < month.AddMonths(1) && (e.RetirementDate == null || e.RetirementDate >= month);
}
