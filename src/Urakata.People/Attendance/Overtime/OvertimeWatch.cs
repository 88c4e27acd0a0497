using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;
using Urakata.Platform.Notifications;
using Urakata.Platform.Org;

namespace Urakata.People.Attendance;

/// <summary>
/// An employee's month against the 36協定: 時間外 (法定外残業, the 40-hour week's included) for the monthly and yearly
/// 限度時間, 時間外 + 法定休日労働 for the 100-hour month and the 80-hour averages (reference §5.3), with the share of the
/// monthly limit, a month-end forecast and the highest alert level (70 / 90 / 100 %) of any limit.
/// </summary>
/// <param name="WorkDaysElapsed">Scheduled work days of the month up to and including today (all of them for a past month).</param>
public sealed record OvertimeStatusDto(int OvertimeMinutes, int WithRestDayWorkMinutes, int MonthlyLimitMinutes, decimal MonthlyPercent,
    int ForecastOvertimeMinutes, decimal ForecastPercent, AlertLevel Level, AlertLevel ForecastLevel, int WorkDaysElapsed, int WorkDaysInMonth,
    IReadOnlyList<LimitUsage> Limits);

/// <summary>
/// Watches 36協定 usage (<see cref="OvertimeAgreementChecker"/> holds the rules): the status the 勤務表 and the department
/// list show, and the alerts a clock-out or an approved correction raises the first time a level of a limit is reached in
/// the month — to the employee and their 所属長 (the reporting line's first manager, as the approval route finds it),
/// once per limit and level (<see cref="OvertimeAlert"/>), in the same unit of work as the change.
/// </summary>
public sealed class OvertimeWatch(UrakataDbContext db, Timesheets timesheets, OrgDirectory org, NotificationService notifications, TimeProvider clock)
{
    /// <summary>The company's 36協定, made on first use with the legal maximums (no 特別条項, year from April).</summary>
    public async Task<OvertimeAgreementSettings> SettingsAsync(CancellationToken ct = default)
    {
        var settings = await db.Set<OvertimeAgreementSettings>().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new OvertimeAgreementSettings();
            db.Add(settings);
            await db.SaveChangesAsync(ct);
        }

        return settings;
    }

    public async Task<OvertimeAgreementInput> AgreementAsync(CancellationToken ct = default) => (await SettingsAsync(ct)).ToInput();

    public async Task<OvertimeAgreementInput> SetAgreementAsync(OvertimeAgreementInput input, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        settings.Set(input);
        await db.SaveChangesAsync(ct);
        return settings.ToInput();
    }

    /// <summary>
    /// The status of each employee's month from their 勤務表 (<paramref name="sheets"/>, in the same order). The forecast
    /// assumes the rest of the month goes on as it went so far: 時間外 so far ÷ scheduled work days passed (today
    /// included) × scheduled work days in the month (<see cref="OvertimeAgreementChecker.Forecast"/>); a past month's
    /// forecast is its actual figure, a future month's is zero.
    /// </summary>
    public async Task<List<OvertimeStatusDto>> StatusAsync(IReadOnlyList<Employee> employees, DateOnly month, IReadOnlyList<TimesheetDto> sheets, CancellationToken ct = default)
    {
        var agreement = (await SettingsAsync(ct)).ToAgreement();
        // Per employee once: a whole company's list has ten thousand employees and five times as many earlier months.
        var history = (await HistoryAsync(employees, month, agreement, ct)).ToLookup(h => h.Key.Item1, h => h.Value);
        var today = JapanTime.Today(clock);
        var result = new List<OvertimeStatusDto>(employees.Count);
        foreach (var (employee, sheet) in employees.Zip(sheets))
        {
            var workDays = sheet.Days.Where(d => d.Kind == DayKind.WorkDay).ToList();
            var elapsed = workDays.Count(d => d.Date <= today);
            var figures = Figures(history, employee, sheet);
            var report = OvertimeAgreementChecker.Check(agreement, figures, month);
            var forecast = OvertimeAgreementChecker.CheckForecast(agreement, figures, month, elapsed, workDays.Count);
            var monthly = report[OvertimeLimit.Monthly]!;
            var forecastMonthly = forecast[OvertimeLimit.Monthly]!;
            result.Add(new OvertimeStatusDto(sheet.Totals.StatutoryOvertimeMinutes, sheet.Totals.StatutoryOvertimeMinutes + sheet.Totals.StatutoryRestDayWorkMinutes,
                agreement.MonthlyLimitMinutes, decimal.Round(monthly.Percent, 1), forecastMonthly.Used, decimal.Round(forecastMonthly.Percent, 1),
                report.HighestLevel, forecast.HighestLevel, elapsed, workDays.Count, report.Limits));
        }

        return result;
    }

    /// <summary>
    /// After a change of <paramref name="changed"/> (not saved yet) in the employee's month: queues a notification for every
    /// limit whose level rose to one not announced before this month (the highest such level; the lower ones are recorded
    /// as passed), to the employee and their 所属長. Saved with the caller's change.
    /// </summary>
    public async Task QueueAlertsAsync(Employee employee, DateOnly date, IReadOnlyCollection<AttendanceDay> changed, CancellationToken ct = default)
    {
        var month = new DateOnly(date.Year, date.Month, 1);
        // Read only: this runs inside the caller's unit of work (a clock, an approval) and must not save it early.
        var agreement = (await db.Set<OvertimeAgreementSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new OvertimeAgreementSettings()).ToAgreement();
        var sheet = (await timesheets.BuildAsync([employee], month, await timesheets.CurrentRuleAsync(ct), ct, changed)).Single();
        var history = (await HistoryAsync([employee], month, agreement, ct)).ToLookup(h => h.Key.Item1, h => h.Value);
        var report = OvertimeAgreementChecker.Check(agreement, Figures(history, employee, sheet), month);
        var sent = (await db.Set<OvertimeAlert>().AsNoTracking().Where(a => a.EmployeeId == employee.Id && a.Month == month).ToListAsync(ct))
            .Select(a => (a.Limit, a.Level)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var announce = new List<LimitUsage>();
        foreach (var usage in report.Limits.GroupBy(l => l.Limit).Select(g => g.MaxBy(l => l.Percent)!))
        {
            var fresh = Enum.GetValues<AlertLevel>().Where(l => l != AlertLevel.None && l <= usage.Level && !sent.Contains((usage.Limit, l))).ToList();
            foreach (var level in fresh)
            {
                db.Add(new OvertimeAlert(employee.Id, month, usage.Limit, level, now));
            }

            if (fresh.Count > 0)
            {
                announce.Add(usage);
            }
        }

        if (announce.Count == 0 || employee.UserId is not { } userId)
        {
            return;
        }

        var managers = await org.ManagersAsync(userId, date, 1, ct);
        var recipients = managers.Select(m => m.UserId).Prepend(userId).Distinct().ToList();
        var link = $"/people/attendance/{employee.Id}?month={AttendanceLocks.MonthText(month)}";
        foreach (var usage in announce)
        {
            var name = PeopleMessages.Get("OvertimeLimit" + usage.Limit);
            var percent = usage.Level switch { AlertLevel.Reached => 100, AlertLevel.Warning => agreement.WarningPercent, _ => agreement.CautionPercent };
            var (used, allowed) = usage.Limit == OvertimeLimit.MonthsOverMonthlyLimit
                ? (PeopleMessages.Format(PeopleMessages.MonthsCount, usage.Used), PeopleMessages.Format(PeopleMessages.MonthsCount, usage.Allowed))
                : (AttendanceFormat.Hours(usage.Used), AttendanceFormat.Hours(usage.Allowed));
            foreach (var recipient in recipients)
            {
                notifications.Queue(new NotificationMessage(recipient, PeopleMessages.Format(PeopleMessages.OvertimeAlertTitle, employee.Name, name, percent),
                    PeopleMessages.Format(PeopleMessages.OvertimeAlertBody, AttendanceLocks.MonthText(month), used, allowed), link));
            }
        }
    }

    private static List<MonthlyOvertimeFigures> Figures(ILookup<Guid, MonthlyOvertimeFigures> history, Employee employee, TimesheetDto sheet)
    {
        var month = sheet.Days[0].Date;
        var figures = history[employee.Id].ToList();
        figures.Add(new MonthlyOvertimeFigures(month, sheet.Totals.StatutoryOvertimeMinutes, sheet.Totals.StatutoryRestDayWorkMinutes));
        return figures;
    }

    /// <summary>
    /// The earlier months the checks need — the 協定 year so far and the 5 months before this one for the averages: a
    /// closed month from its stored totals (勤怠締め), an open one from its 勤務表; months before the hire are left out, so
    /// an average is judged only over months employed.
    /// </summary>
    private async Task<Dictionary<(Guid, DateOnly), MonthlyOvertimeFigures>> HistoryAsync(IReadOnlyList<Employee> employees, DateOnly month, OvertimeAgreement agreement, CancellationToken ct)
    {
        var yearStart = new DateOnly(month.Month >= agreement.FirstMonth ? month.Year : month.Year - 1, agreement.FirstMonth, 1);
        var averageStart = month.AddMonths(-(agreement.LongestAverageMonths - 1));
        var from = yearStart < averageStart ? yearStart : averageStart;
        var result = new Dictionary<(Guid, DateOnly), MonthlyOvertimeFigures>();
        if (from >= month)
        {
            return result;
        }

        var ids = employees.Select(e => e.Id).ToList();
        foreach (var t in await db.Set<AttendanceMonthTotals>().AsNoTracking()
            .Where(t => ids.Contains(t.EmployeeId) && t.Month >= from && t.Month < month)
            .Select(t => new { t.EmployeeId, t.Month, t.StatutoryOvertimeMinutes, t.StatutoryRestDayWorkMinutes }).ToListAsync(ct))
        {
            result[(t.EmployeeId, t.Month)] = new MonthlyOvertimeFigures(t.Month, t.StatutoryOvertimeMinutes, t.StatutoryRestDayWorkMinutes);
        }

        var rule = await timesheets.CurrentRuleAsync(ct);
        for (var m = from; m < month; m = m.AddMonths(1))
        {
            var open = employees.Where(e => e.HireDate < m.AddMonths(1) && (e.RetirementDate == null || e.RetirementDate >= m) && !result.ContainsKey((e.Id, m))).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            foreach (var sheet in await timesheets.SummariesAsync(open, m, rule, ct))
            {
                result[(sheet.EmployeeId, m)] = new MonthlyOvertimeFigures(m, sheet.Totals.StatutoryOvertimeMinutes, sheet.Totals.StatutoryRestDayWorkMinutes);
            }
        }

        return result;
    }
}
