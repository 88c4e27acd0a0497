using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.People.Attendance;

/// <summary>The working-time system of a work rule (労基法32条, 32条の2, 32条の3).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WorkingTimeSystem>))]
public enum WorkingTimeSystem
{
    /// <summary>通常: 8 h a day, 40 h a week (32条).</summary>
    Standard,

    /// <summary>フレックスタイム制 (32条の3): settled over a 清算期間 of 1–3 months.</summary>
    Flex,

    /// <summary>1か月単位の変形労働時間制 (32条の2): a shift calendar fixed in advance, averaging ≤ 40 h a week over the period.</summary>
    MonthlyVariable,
}

/// <summary>
/// 就業規則 of working time (<c>hr_work_rules</c>), one 勤務形態 (本社標準, 店舗シフト, フレックス…): 始業・終業, 休憩, 週の起算日,
/// which weekday is the 法定休日 (35条) and which are 所定休日, clock rounding, and the working-time system with its settings.
/// A company has several; one is the default (made on first use), which employees without a rule of their own work under.
/// The standard day is at most 8 hours (32条); longer days need 変形 shifts (<see cref="ShiftDay"/>).
/// </summary>
public sealed class WorkRule : CompanyEntity
{
    public const int MaxNameLength = 100;

    private WorkRule() { }

    public WorkRule(string name) => Name = name;

    public string Name { get; private set; } = "";
    public bool IsDefault { get; private set; } = true;
    public WorkingTimeSystem TimeSystem { get; private set; } = WorkingTimeSystem.Standard;
    /// <summary>フレックス: months in the 清算期間 (1–3, 32条の3).</summary>
    public int FlexMonths { get; private set; } = 1;
    /// <summary>フレックス: the calendar month (1–12) a 清算期間 starts in; the periods follow one another from it.</summary>
    public int FlexStartMonth { get; private set; } = 1;
    /// <summary>フレックス: 所定総労働時間 of a period in minutes; null = <see cref="FlexDailyMinutes"/> × the period's work days.</summary>
    public int? FlexTotalMinutes { get; private set; }
    /// <summary>フレックス: minutes a work day counts toward the 所定総労働時間 when no total is set (default: the rule's day).</summary>
    public int? FlexDailyMinutes { get; private set; }
    /// <summary>フレックス: コアタイム; a work day clocked in after its start or out before its end is warned of on the 勤務表 (not refused, hours unchanged).</summary>
    public TimeOnly? CoreStart { get; private set; }
    public TimeOnly? CoreEnd { get; private set; }
    /// <summary>変形: the day of the month (1–28) each one-month period starts on.</summary>
    public int VariableStartDay { get; private set; } = 1;
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

    public void Rename(string? name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw new DomainException(PeopleMessages.WorkRuleNameInvalid, "name");
        }

        Name = name;
    }

    internal void SetDefault(bool isDefault) => IsDefault = isDefault;

    /// <summary>
    /// The system and its settings, checked together: a 清算期間 of 1–3 months starting in month 1–12 whose 所定総労働時間 fits
    /// the 総枠 of its shortest period (40 h × days ÷ 7; 32条の3), a コアタイム that starts before it ends, a 変形 period
    /// starting on day 1–28 (every month has it).
    /// </summary>
    public void SetSystem(WorkingTimeSystem system, int flexMonths = 1, int flexStartMonth = 1, int? flexTotalMinutes = null, int? flexDailyMinutes = null,
        TimeOnly? coreStart = null, TimeOnly? coreEnd = null, int variableStartDay = 1)
    {
        if (flexMonths is < 1 or > Systems.FlexTime.MaxMonths)
        {
            throw new DomainException(PeopleMessages.FlexPeriodMonths, "flexMonths");
        }

        if (flexStartMonth is < 1 or > 12)
        {
            throw new DomainException(PeopleMessages.FlexStartMonthInvalid, "flexStartMonth");
        }

        if (variableStartDay is < 1 or > 28)
        {
            throw new DomainException(PeopleMessages.VariableStartDayInvalid, "variableStartDay");
        }

        if (flexDailyMinutes is < 1 or > 24 * 60)
        {
            throw new DomainException(PeopleMessages.FlexDailyMinutesInvalid, "flexDailyMinutes");
        }

        // The shortest period of this pattern with a common-year February (2025–2026) bounds the 所定総労働時間 of every period.
        var frame = Enumerable.Range(0, 12 / flexMonths)
            .Select(i => new DateOnly(2025, flexStartMonth, 1).AddMonths(i * flexMonths))
            .Min(start => Systems.FlexTime.TotalFrameMinutes(start.AddMonths(flexMonths).DayNumber - start.DayNumber));
        if (flexTotalMinutes is < 0 || flexTotalMinutes > frame)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.FlexScheduledOverFrame, AttendanceFormat.Hours(frame)), "flexTotalMinutes");
        }

        if ((coreStart is null) != (coreEnd is null) || coreStart >= coreEnd)
        {
            throw new DomainException(PeopleMessages.CoreTimeInvalid, "coreStart");
        }

        (TimeSystem, FlexMonths, FlexStartMonth, FlexTotalMinutes, FlexDailyMinutes, CoreStart, CoreEnd, VariableStartDay) =
            (system, flexMonths, flexStartMonth, flexTotalMinutes, flexDailyMinutes, coreStart, coreEnd, variableStartDay);
    }

    /// <summary>フレックス: the 清算期間 holding <paramref name="date"/> as [start, end).</summary>
    public (DateOnly Start, DateOnly End) FlexPeriodOf(DateOnly date)
    {
        var monthsSince = ((date.Month - FlexStartMonth) % 12 + 12) % 12;
        var start = new DateOnly(date.Year, date.Month, 1).AddMonths(-(monthsSince % FlexMonths));
        return (start, start.AddMonths(FlexMonths));
    }

    /// <summary>変形: the one-month period holding <paramref name="date"/> as [start, end).</summary>
    public (DateOnly Start, DateOnly End) VariablePeriodOf(DateOnly date)
    {
        var start = new DateOnly(date.Year, date.Month, VariableStartDay);
        if (date < start)
        {
            start = start.AddMonths(-1);
        }

        return (start, start.AddMonths(1));
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
