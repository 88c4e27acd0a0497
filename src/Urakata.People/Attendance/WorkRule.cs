using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.People.Attendance;

/// <summary>
/// 就業規則 of working time (<c>hr_work_rules</c>): 始業・終業, 休憩, 週の起算日, which weekday is the 法定休日 (35条) and which are
/// 所定休日, and clock rounding. One default per company, made on first use; every employee works under it for now.
/// Flex time and 変形労働時間制 are not modelled: the scheduled day is at most 8 hours (32条).
/// </summary>
public sealed class WorkRule : CompanyEntity
{
    private WorkRule() { }

    public WorkRule(string name) => Name = name;

    public string Name { get; private set; } = "";
    public bool IsDefault { get; private set; } = true;
    /// <summary>所定の始業時刻.</summary>
    public TimeOnly StartTime { get; private set; } = new(9, 0);
    /// <summary>所定の終業時刻.</summary>
    public TimeOnly EndTime { get; private set; } = new(18, 0);
    /// <summary>所定の休憩時間 (minutes).</summary>
    public int BreakMinutes { get; private set; } = 60;
    /// <summary>週の起算日: the 40-hour week counts from this day (Sunday unless the 就業規則 says otherwise).</summary>
    public DayOfWeek WeekStart { get; private set; } = DayOfWeek.Sunday;
    /// <summary>法定休日: the weekly rest day of 35条; all work on it is 法定休日労働.</summary>
    public DayOfWeek StatutoryRestDay { get; private set; } = DayOfWeek.Sunday;
    /// <summary>所定休日 weekdays as a bit set (1 &lt;&lt; (int)DayOfWeek); Saturday by default.</summary>
    public int ScheduledRestDays { get; private set; } = 1 << (int)DayOfWeek.Saturday;
    /// <summary>National holidays (国民の祝日) and the company's own days off are 所定休日.</summary>
    public bool HolidaysOff { get; private set; } = true;
    /// <summary>
    /// Clock rounding in minutes (0 = none, the default). Rounding an individual clock time to the employee's loss is not
    /// allowed (24条; reference §5.1: only monthly totals may be rounded), so it only ever rounds a clock-in up and a
    /// clock-out down when a company sets it — kept as data, not applied by the timesheet yet.
    /// </summary>
    public int RoundingMinutes { get; private set; }

    /// <summary>所定労働時間 of a work day: 終業 − 始業 − 休憩.</summary>
    public int ScheduledMinutes => (int)(EndTime - StartTime).TotalMinutes - BreakMinutes;

    public void SetHours(TimeOnly start, TimeOnly end, int breakMinutes)
    {
        var minutes = (int)(end - start).TotalMinutes - breakMinutes;
        if (end <= start || breakMinutes < 0 || minutes <= 0 || minutes > LabourStandards.Statutory.DailyLimitMinutes)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.WorkRuleInvalid, start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), breakMinutes), "startTime");
        }

        (StartTime, EndTime, BreakMinutes) = (start, end, breakMinutes);
    }

    public void SetWeek(DayOfWeek weekStart, DayOfWeek statutoryRestDay, IEnumerable<DayOfWeek> scheduledRestDays, bool holidaysOff)
    {
        (WeekStart, StatutoryRestDay, HolidaysOff) = (weekStart, statutoryRestDay, holidaysOff);
        ScheduledRestDays = scheduledRestDays.Where(d => d != statutoryRestDay).Aggregate(0, (bits, d) => bits | (1 << (int)d));
    }

    /// <summary>
    /// The kind of a date: the 法定休日 weekday first (35条), then the 所定休日 weekdays, national holidays and company days
    /// off (<paramref name="companyDaysOff"/>), otherwise a work day.
    /// </summary>
    public DayKind KindOf(DateOnly date, IReadOnlySet<DateOnly> companyDaysOff)
    {
        ArgumentNullException.ThrowIfNull(companyDaysOff);
        if (date.DayOfWeek == StatutoryRestDay)
        {
            return DayKind.StatutoryRestDay;
        }

        if ((ScheduledRestDays & (1 << (int)date.DayOfWeek)) != 0
            || (HolidaysOff && (JapaneseHolidays.IsHoliday(date) || companyDaysOff.Contains(date))))
        {
            return DayKind.ScheduledRestDay;
        }

        return DayKind.WorkDay;
    }
}
