using Urakata.Platform.Domain;

namespace Urakata.People.Attendance.Systems;

/// <summary>
/// A フレックスタイム制 settlement period (清算期間, 労基法32条の3): from <see cref="Start"/>, 1 to 3 calendar months, with the
/// 所定総労働時間 of the 労使協定 (<see cref="ScheduledMinutes"/>, never above the 総枠) and the part of it the employee was
/// employed (<see cref="EmployedFrom"/> to <see cref="EmployedUntil"/>; the whole period unless they joined or left inside it).
/// </summary>
public sealed record FlexPeriod
{
    /// <param name="scheduledMinutes">所定総労働時間 for the employed part (pro-rated by the caller for a joiner or leaver).</param>
    /// <param name="employedFrom">The first date employed in the period (入社日), when after <paramref name="start"/>.</param>
    /// <param name="employedUntil">The day after the last date employed in the period (退職日 + 1), when before the period's end.</param>
    public FlexPeriod(DateOnly start, int months, int scheduledMinutes, DateOnly? employedFrom = null, DateOnly? employedUntil = null)
    {
        if (months is < 1 or > FlexTime.MaxMonths)
        {
            throw new DomainException(PeopleMessages.FlexPeriodMonths, "months");
        }

        Start = start;
        Months = months;
        EmployedFrom = employedFrom is { } from && from > start ? from : start;
        EmployedUntil = employedUntil is { } until && until < End ? until : End;
        if (EmployedUntil <= EmployedFrom)
        {
            throw new ArgumentException($"No day of {start:yyyy-MM-dd}'s period is employed.", nameof(employedUntil));
        }

        if (scheduledMinutes < 0 || scheduledMinutes > FrameMinutes)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.FlexScheduledOverFrame, AttendanceFormat.Hours(FrameMinutes)), "scheduledMinutes");
        }

        ScheduledMinutes = scheduledMinutes;
    }

    public DateOnly Start { get; }
    public int Months { get; }
    public int ScheduledMinutes { get; }
    public DateOnly EmployedFrom { get; }
    public DateOnly EmployedUntil { get; }

    /// <summary>The day after the period.</summary>
    public DateOnly End => Start.AddMonths(Months);

    public int DayCount => End.DayNumber - Start.DayNumber;

    /// <summary>
    /// 32条の3の2: the period is longer than one month and the employee worked under it for only part of it (joined after
    /// its start or left before its end). A one-month period has no such rule: its 総枠 stays the whole period's.
    /// </summary>
    public bool IsPartial => Months > 1 && (EmployedFrom > Start || EmployedUntil < End);

    /// <summary>
    /// 法定労働時間の総枠: 40 h × 暦日数 ÷ 7 of the period, or under 32条の3の2 of the days actually employed in it
    /// (40 h × 実労働期間の暦日数 ÷ 7, as MHLW explains the article).
    /// </summary>
    public int FrameMinutes => FlexTime.TotalFrameMinutes(IsPartial ? EmployedUntil.DayNumber - EmployedFrom.DayNumber : DayCount);

    /// <summary>
    /// The month (0 = the first) the period is settled in: the last, or under 32条の3の2 for a leaver the month of their
    /// last day (the excess is paid when their employment in the period ends; a joiner's at the period's end).
    /// </summary>
    public int SettlementMonth
    {
        get
        {
            var lastDay = EmployedUntil.AddDays(-1);
            var month = 0;
            while (month < Months - 1 && Start.AddMonths(month + 1) <= lastDay)
            {
                month++;
            }

            return month;
        }
    }
}

/// <summary>One calendar month (or the period's part of it) of a flex settlement, in minutes.</summary>
/// <param name="WorkedMinutes">Hours worked, 法定休日労働 excluded (it is 休日労働, paid on its own).</param>
/// <param name="StatutoryOvertimeMinutes">時間外 (法定外) paid in this month: over the 50-hour weekly average of the month, and in the settlement month what passes the 総枠.</param>
/// <param name="NonStatutoryOvertimeMinutes">法定内残業: over the 所定総労働時間 but within the 総枠 (the settlement month only).</param>
/// <param name="ShortfallMinutes">Short of the 所定総労働時間 at the end (the settlement month only): deducted or carried, as the agreement says.</param>
public sealed record FlexMonth(DateOnly Month, int WorkedMinutes, int MonthlyCapMinutes, int StatutoryOvertimeMinutes, int NonStatutoryOvertimeMinutes, int ShortfallMinutes);

/// <summary>
/// Settles a フレックスタイム制 period (reference §5 「フレックスタイム制」). 法定労働時間の総枠 = 40 h × 暦日数 ÷ 7; with a period
/// over one month, each calendar month is also capped at a 50-hour weekly average (50 h × 暦日数 ÷ 7) and the excess is 時間外
/// of that month; at the end, hours over the 総枠 less those already paid are 時間外 of the last month. An employee who joined
/// or left inside a period over one month is settled under 32条の3の2 (<see cref="FlexPeriod.IsPartial"/>): the 総枠 of the
/// days employed, in the month they left (a joiner: the last month). Caps are whole minutes rounded down (31 days: 177.14 h
/// → 10,628 min), so a fraction of a minute never goes unpaid.
/// </summary>
public static class FlexTime
{
    /// <summary>32条の3 since 2019-04: a 清算期間 of at most 3 months.</summary>
    public const int MaxMonths = 3;

    /// <summary>40 h × days ÷ 7, in whole minutes (rounded down): 28 days 9,600; 30 days 10,285; 31 days 10,628; 92 days 31,542.</summary>
    public static int TotalFrameMinutes(int days) => 40 * 60 * days / 7;

    /// <summary>50 h × days ÷ 7, in whole minutes (rounded down): 30 days 12,857; 31 days 13,285.</summary>
    public static int MonthlyCapMinutes(int days) => 50 * 60 * days / 7;

    /// <summary>
    /// コアタイム: a work day whose first clock-in is after the core's start or whose last clock-out is before its end gets
    /// a warning with the core's minutes and those of it between the two (a break inside the core is the employee's own
    /// business, as on any day). Null when covered, and while a span is still open: that day already warns of the missing
    /// clock-out. A warning only — the hours are counted as worked.
    /// </summary>
    public static AttendanceWarning? CoreTimeWarning(ClockedDay day, TimeOnly coreStart, TimeOnly coreEnd)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Work.Count == 0 || day.Work.Any(w => w.End is null))
        {
            return null;
        }

        var (start, end) = (day.Date.ToDateTime(coreStart), day.Date.ToDateTime(coreEnd));
        var (first, last) = (day.Work.Min(w => w.Start), day.Work.Max(w => w.End!.Value));
        if (first <= start && last >= end)
        {
            return null;
        }

        var covered = ((last < end ? last : end) - (first > start ? first : start)).TotalMinutes;
        return new AttendanceWarning(AttendanceWarningKind.CoreTimeNotCovered, (int)(end - start).TotalMinutes, Math.Max(0, (int)covered));
    }

    /// <param name="workedByDate">Minutes worked each date of the employed part of the period (法定休日労働 left out); other dates are refused.</param>
    public static IReadOnlyList<FlexMonth> Settle(FlexPeriod period, IReadOnlyDictionary<DateOnly, int> workedByDate)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(workedByDate);
        if (workedByDate.Keys.Where(d => d < period.EmployedFrom || d >= period.EmployedUntil).Select(d => (DateOnly?)d).FirstOrDefault() is { } outside)
        {
            throw new ArgumentException($"{outside:yyyy-MM-dd} is outside the employed part of the settlement period.", nameof(workedByDate));
        }

        var months = new List<FlexMonth>(period.Months);
        var paid = 0;
        for (var i = 0; i < period.Months; i++)
        {
            var from = period.Start.AddMonths(i);
            var to = period.Start.AddMonths(i + 1);
            var worked = workedByDate.Where(kv => kv.Key >= from && kv.Key < to).Sum(kv => kv.Value);
            var cap = MonthlyCapMinutes(to.DayNumber - from.DayNumber);
            // A one-month period has no monthly cap of its own: the 総枠 (40 h average) is the tighter one.
            var overCap = period.Months > 1 ? Math.Max(0, worked - cap) : 0;
            paid += overCap;
            months.Add(new FlexMonth(from, worked, cap, overCap, 0, 0));
        }

        var total = months.Sum(m => m.WorkedMinutes);
        var frame = period.FrameMinutes;
        // 32条の3の2 (and 32条の3 at the period's end): over the 総枠, less the 時間外 already paid month by month (its
        // 「36条1項の規定により延長し…た時間を除く」).
        var finalOvertime = Math.Max(0, total - frame - paid);
        var at = period.SettlementMonth;
        var settlement = months[at];
        // 法定内: over the 所定総労働時間 up to the 総枠; the hours already paid as 時間外 in earlier months are not counted twice.
        var withinFrame = Math.Min(total - paid, frame);
        months[at] = settlement with
        {
            StatutoryOvertimeMinutes = settlement.StatutoryOvertimeMinutes + finalOvertime,
            NonStatutoryOvertimeMinutes = Math.Max(0, withinFrame - period.ScheduledMinutes),
            ShortfallMinutes = Math.Max(0, period.ScheduledMinutes - total),
        };
        return months;
    }
}
