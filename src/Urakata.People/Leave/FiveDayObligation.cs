namespace Urakata.People.Leave;

/// <summary>
/// Settings of the 年5日取得義務. The statutory part (5 days, grants of 10 or more) is [Official]; the pro-rata merge
/// of overlapping years and its rounding (労基則24条の5) are marked [GK-verify] in the reference (§6.2), so how months
/// and days round is data here, not a constant: the defaults round months up (never asking less than the law) and
/// leave the days exact, as in MHLW's example (18 months → 7.5 days).
/// </summary>
public sealed record FiveDayRules
{
    public static readonly FiveDayRules Statutory = new();

    public decimal RequiredDays { get; init; } = 5m;

    /// <summary>Only a grant of at least this many new days starts a duty (carried-over days do not count).</summary>
    public decimal MinimumGrantDays { get; init; } = 10m;

    /// <summary>Merge overlapping years pro rata (労基則24条の5); false keeps a separate 5-day duty for each grant.</summary>
    public bool MergeOverlapping { get; init; } = true;

    /// <summary>A part month of the merged period counts as a whole month.</summary>
    public bool RoundMonthsUp { get; init; } = true;

    /// <summary>Round the pro-rata days up to a half day (8.75 → 9); off by default.</summary>
    public bool RoundDaysUpToHalf { get; init; }
}

/// <summary>
/// One 5-day duty: the days to be taken from <see cref="From"/> through <see cref="Deadline"/>, and what was taken.
/// <see cref="GrantDates"/> has more than one date when overlapping years were merged.
/// </summary>
public sealed record FiveDayDuty(DateOnly From, DateOnly Deadline, IReadOnlyList<DateOnly> GrantDates, decimal RequiredDays, decimal TakenDays)
{
    public decimal StillRequired => Math.Max(0m, RequiredDays - TakenDays);

    public bool IsMet => StillRequired == 0m;

    /// <summary>The deadline passed with days still owed: a breach (120条).</summary>
    public bool IsOverdue(DateOnly today) => today > Deadline && !IsMet;
}

/// <summary>
/// 年5日取得義務 (労基法39条7項, from 2019-04; reference §6.2): for every grant of 10 days or more, 5 days must be taken
/// within one year of the grant date. Days the employee asked for, 計画的付与 days and days the employer designated all
/// count — a half day as 0.5, hourly leave not at all — whichever grant they are drawn from.
/// </summary>
public static class FiveDayObligation
{
    public static IReadOnlyList<FiveDayDuty> Duties(IEnumerable<PaidLeaveGrant> grants, IEnumerable<LeaveTaking> takings, FiveDayRules? rules = null)
    {
        rules ??= FiveDayRules.Statutory;
        var taken = takings.ToList();
        var qualifying = grants.Where(g => g.Days >= rules.MinimumGrantDays).Select(g => g.GrantDate).Distinct().Order().ToList();

        var duties = new List<FiveDayDuty>();
        var group = new List<DateOnly>();
        foreach (var grantDate in qualifying)
        {
            // A year that starts before the running one ends overlaps it: 労基則24条の5 lets the two merge.
            if (group.Count > 0 && !(rules.MergeOverlapping && grantDate <= YearEnd(group[^1])))
            {
                duties.Add(Duty(group, taken, rules));
                group = [];
            }

            group.Add(grantDate);
        }

        if (group.Count > 0)
        {
            duties.Add(Duty(group, taken, rules));
        }

        return duties;
    }

    /// <summary>
    /// Months from <paramref name="from"/> through <paramref name="through"/>: whole months counted from the start
    /// date, a part month at the end whole when <paramref name="roundUp"/>, else as a fraction of 30 days.
    /// </summary>
    public static decimal Months(DateOnly from, DateOnly through, bool roundUp = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(through, from);
        var end = through.AddDays(1);
        var whole = 0;
        while (from.AddMonths(whole + 1) <= end)
        {
            whole++;
        }

        var rest = end.DayNumber - from.AddMonths(whole).DayNumber;
        return rest == 0 ? whole : roundUp ? whole + 1 : whole + (rest / 30m);
    }

    private static DateOnly YearEnd(DateOnly grantDate) => grantDate.AddYears(1).AddDays(-1);

    private static FiveDayDuty Duty(List<DateOnly> grantDates, List<LeaveTaking> takings, FiveDayRules rules)
    {
        var from = grantDates[0];
        var deadline = YearEnd(grantDates[^1]);
        var required = rules.RequiredDays;
        if (grantDates.Count > 1)
        {
            // 労基則24条の5 [GK-verify]: months of the merged period ÷ 12 × 5.
            required = Months(from, deadline, rules.RoundMonthsUp) * rules.RequiredDays / 12m;
            if (rules.RoundDaysUpToHalf)
            {
                required = decimal.Ceiling(required * 2) / 2;
            }
        }

        var takenDays = takings.Where(t => t.Date >= from && t.Date <= deadline).Sum(t => t.DaysTowardFiveDayObligation);
        return new FiveDayDuty(from, deadline, grantDates, required, takenDays);
    }
}
