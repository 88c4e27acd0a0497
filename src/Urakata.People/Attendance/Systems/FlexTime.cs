using Urakata.Platform.Domain;

namespace Urakata.People.Attendance.Systems;

/// <summary>
/// A フレックスタイム制 settlement period (清算期間, 労基法32条の3): from <see cref="Start"/>, 1 to 3 calendar months, with the
/// 所定総労働時間 of the 労使協定 (<see cref="ScheduledMinutes"/>, never above the 総枠).
/// </summary>
public sealed record FlexPeriod
{
    public FlexPeriod(DateOnly start, int months, int scheduledMinutes)
    {
        if (months is < 1 or > FlexTime.MaxMonths)
        {
            throw new DomainException(PeopleMessages.FlexPeriodMonths, "months");
        }

        Start = start;
        Months = months;
        if (scheduledMinutes < 0 || scheduledMinutes > FlexTime.TotalFrameMinutes(DayCount))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.FlexScheduledOverFrame, AttendanceFormat.Hours(FlexTime.TotalFrameMinutes(DayCount))), "scheduledMinutes");
        }

        ScheduledMinutes = scheduledMinutes;
    }

    public DateOnly Start { get; }
    public int Months { get; }
    public int ScheduledMinutes { get; }

    /// <summary>The day after the period.</summary>
    public DateOnly End => Start.AddMonths(Months);

    public int DayCount => End.DayNumber - Start.DayNumber;
}

/// <summary>One calendar month (or the period's part of it) of a flex settlement, in minutes.</summary>
/// <param name="WorkedMinutes">Hours worked, 法定休日労働 excluded (it is 休日労働, paid on its own).</param>
/// <param name="StatutoryOvertimeMinutes">時間外 (法定外) paid in this month: over the 50-hour weekly average of the month, and in the last month what passes the 総枠.</param>
/// <param name="NonStatutoryOvertimeMinutes">法定内残業: over the 所定総労働時間 but within the 総枠 (last month only).</param>
/// <param name="ShortfallMinutes">Short of the 所定総労働時間 at the end (last month only): deducted or carried, as the agreement says.</param>
public sealed record FlexMonth(DateOnly Month, int WorkedMinutes, int MonthlyCapMinutes, int StatutoryOvertimeMinutes, int NonStatutoryOvertimeMinutes, int ShortfallMinutes);

/// <summary>
/// Settles a フレックスタイム制 period (reference §5 「フレックスタイム制」). 法定労働時間の総枠 = 40 h × 暦日数 ÷ 7; with a period
/// over one month, each calendar month is also capped at a 50-hour weekly average (50 h × 暦日数 ÷ 7) and the excess is 時間外
/// of that month; at the end, hours over the 総枠 less those already paid are 時間外 of the last month. Caps are whole minutes
/// rounded down (31 days: 177.14 h → 10,628 min), so a fraction of a minute never goes unpaid.
/// </summary>
public static class FlexTime
{
    /// <summary>32条の3 since 2019-04: a 清算期間 of at most 3 months.</summary>
    public const int MaxMonths = 3;

    /// <summary>40 h × days ÷ 7, in whole minutes (rounded down): 28 days 9,600; 30 days 10,285; 31 days 10,628; 92 days 31,542.</summary>
    public static int TotalFrameMinutes(int days) => 40 * 60 * days / 7;

    /// <summary>50 h × days ÷ 7, in whole minutes (rounded down): 30 days 12,857; 31 days 13,285.</summary>
    public static int MonthlyCapMinutes(int days) => 50 * 60 * days / 7;

    /// <param name="workedByDate">Minutes worked each date of the period (法定休日労働 left out); dates outside it are refused.</param>
    public static IReadOnlyList<FlexMonth> Settle(FlexPeriod period, IReadOnlyDictionary<DateOnly, int> workedByDate)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(workedByDate);
        if (workedByDate.Keys.Where(d => d < period.Start || d >= period.End).Select(d => (DateOnly?)d).FirstOrDefault() is { } outside)
        {
            throw new ArgumentException($"{outside:yyyy-MM-dd} is outside the settlement period.", nameof(workedByDate));
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
        var frame = TotalFrameMinutes(period.DayCount);
        var finalOvertime = Math.Max(0, total - frame - paid);
        var last = months[^1];
        // 法定内: over the 所定総労働時間 up to the 総枠; the hours already paid as 時間外 in earlier months are not counted twice.
        var withinFrame = Math.Min(total - paid, frame);
        months[^1] = last with
        {
            StatutoryOvertimeMinutes = last.StatutoryOvertimeMinutes + finalOvertime,
            NonStatutoryOvertimeMinutes = Math.Max(0, withinFrame - period.ScheduledMinutes),
            ShortfallMinutes = Math.Max(0, period.ScheduledMinutes - total),
        };
        return months;
    }
}
