using System.Text.Json.Serialization;

namespace Urakata.People.Attendance;

/// <summary>
/// A company's 36協定 (労基法36条; reference §5.3) as data. The defaults are the legal maximums: 限度時間 45 h a month
/// and 360 h a year of 時間外; with a 特別条項, up to 720 h a year and more than 45 h in at most 6 months a year; always
/// 時間外 + 休日労働 under 100 h in a month and at most 80 h on average over every 2- to 6-month window. A 協定 may
/// agree less: set the figures it states. Minutes throughout.
/// </summary>
public sealed record OvertimeAgreement
{
    public static readonly OvertimeAgreement Standard = new();

    /// <summary>1年単位の変形労働時間制 with a period over 3 months: 42 h a month, 320 h a year.</summary>
    public static readonly OvertimeAgreement LongVariablePeriod = new() { MonthlyLimitMinutes = 42 * 60, YearlyLimitMinutes = 320 * 60 };

    public int MonthlyLimitMinutes { get; init; } = 45 * 60;

    public int YearlyLimitMinutes { get; init; } = 360 * 60;

    /// <summary>特別条項: 時間外 may pass the monthly and yearly 限度時間, within the special limits below.</summary>
    public bool HasSpecialClause { get; init; }

    public int SpecialYearlyLimitMinutes { get; init; } = 720 * 60;

    /// <summary>The 時間外 + 休日労働 a special month may reach as the 協定 states it (must be under 100 h); null if not set.</summary>
    public int? SpecialMonthlyLimitMinutes { get; init; }

    public int MonthsOverMonthlyLimitPerYear { get; init; } = 6;

    /// <summary>時間外 + 休日労働 must stay strictly below this in every month.</summary>
    public int MonthlyCeilingMinutes { get; init; } = 100 * 60;

    /// <summary>時間外 + 休日労働 averaged over each window of 2 to 6 months: at most this.</summary>
    public int AverageLimitMinutes { get; init; } = 80 * 60;

    public int ShortestAverageMonths { get; init; } = 2;

    public int LongestAverageMonths { get; init; } = 6;

    /// <summary>The month the 協定's year starts (起算月), for the yearly totals and the count of months over the limit.</summary>
    public int FirstMonth { get; init; } = 4;

    /// <summary>Alert levels in percent of a limit; 100% is <see cref="AlertLevel.Reached"/>.</summary>
    public int CautionPercent { get; init; } = 70;

    public int WarningPercent { get; init; } = 90;
}

/// <summary>One month's 時間外 (法定外残業, incl. weekly) and 法定休日労働, in minutes; <see cref="Month"/> is its first day.</summary>
public sealed record MonthlyOvertimeFigures(DateOnly Month, int StatutoryOvertimeMinutes, int StatutoryRestDayWorkMinutes)
{
    public int WithRestDayWorkMinutes => StatutoryOvertimeMinutes + StatutoryRestDayWorkMinutes;

    /// <summary>The month as it will end if it goes on as so far: each figure ÷ business days elapsed × business days in the month.</summary>
    public MonthlyOvertimeFigures Projected(int businessDaysElapsed, int businessDaysInMonth) => this with
    {
        StatutoryOvertimeMinutes = OvertimeAgreementChecker.Forecast(StatutoryOvertimeMinutes, businessDaysElapsed, businessDaysInMonth),
        StatutoryRestDayWorkMinutes = OvertimeAgreementChecker.Forecast(StatutoryRestDayWorkMinutes, businessDaysElapsed, businessDaysInMonth),
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<OvertimeLimit>))]
public enum OvertimeLimit
{
    /// <summary>時間外 in the month vs the monthly 限度時間 (45 h).</summary>
    Monthly,

    /// <summary>時間外 in the 協定 year so far vs the yearly 限度時間 (360 h).</summary>
    Yearly,

    /// <summary>特別条項: 時間外 in the 協定 year vs 720 h.</summary>
    SpecialYearly,

    /// <summary>特別条項: months of the 協定 year over the monthly 限度時間 vs 6 (a count, not minutes).</summary>
    MonthsOverMonthlyLimit,

    /// <summary>特別条項: 時間外 + 休日労働 in the month vs the 協定's own special monthly figure.</summary>
    SpecialMonthly,

    /// <summary>時間外 + 休日労働 in the month: under 100 h.</summary>
    MonthlyCeiling,

    /// <summary>時間外 + 休日労働 over a window of <see cref="LimitUsage.Months"/> months ending this month: total vs 80 h × months.</summary>
    Average,
}

[JsonConverter(typeof(JsonStringEnumConverter<AlertLevel>))]
public enum AlertLevel
{
    None,
    Caution,
    Warning,
    Reached,
}

/// <summary>
/// How much of one limit is used. <see cref="IsBinding"/> is false for the 限度時間 under a 特別条項 (going over them is
/// allowed, and counted); <see cref="Breached"/> means the law or the 協定 is broken.
/// </summary>
public sealed record LimitUsage(OvertimeLimit Limit, int Used, int Allowed, bool MustStayBelow, bool IsBinding, AlertLevel Level, int Months = 1)
{
    public decimal Percent => Allowed == 0 ? 0m : Used * 100m / Allowed;

    public bool Breached => IsBinding && (MustStayBelow ? Used >= Allowed : Used > Allowed);
}

public sealed record OvertimeAgreementReport(DateOnly Month, IReadOnlyList<LimitUsage> Limits)
{
    public AlertLevel HighestLevel => Limits.Select(l => l.Level).DefaultIfEmpty(AlertLevel.None).Max();

    public bool AnyBreached => Limits.Any(l => l.Breached);

    /// <summary>The usage of one limit; for <see cref="OvertimeLimit.Average"/>, the window with the highest average.</summary>
    public LimitUsage? this[OvertimeLimit limit] => Limits.Where(l => l.Limit == limit).MaxBy(l => l.Percent);
}

/// <summary>Checks a worker's months against a 36協定 (reference §5.3, "Software checks").</summary>
public static class OvertimeAgreementChecker
{
    /// <summary>
    /// Every limit that applies in <paramref name="month"/>. <paramref name="months"/> are the worker's figures by month
    /// (first days), this month included or taken as zero; an average window is judged only when all its months are
    /// given (before the hire, nothing is).
    /// </summary>
    public static OvertimeAgreementReport Check(OvertimeAgreement agreement, IEnumerable<MonthlyOvertimeFigures> months, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var byMonth = new Dictionary<DateOnly, MonthlyOvertimeFigures>();
        foreach (var figures in months)
        {
            if (figures.Month.Day != 1 || !byMonth.TryAdd(figures.Month, figures))
            {
                throw new ArgumentException("Months are given once each, by their first day.", nameof(months));
            }
        }

        month = new DateOnly(month.Year, month.Month, 1);
        var current = byMonth.TryGetValue(month, out var found) ? found : new MonthlyOvertimeFigures(month, 0, 0);
        byMonth[month] = current;

        var yearStart = new DateOnly(month.Month >= agreement.FirstMonth ? month.Year : month.Year - 1, agreement.FirstMonth, 1);
        var year = byMonth.Values.Where(m => m.Month >= yearStart && m.Month <= month).ToList();
        var yearOvertime = year.Sum(m => m.StatutoryOvertimeMinutes);
        var special = agreement.HasSpecialClause;

        var limits = new List<LimitUsage>
        {
            Usage(agreement, OvertimeLimit.Monthly, current.StatutoryOvertimeMinutes, agreement.MonthlyLimitMinutes, binding: !special),
            Usage(agreement, OvertimeLimit.Yearly, yearOvertime, agreement.YearlyLimitMinutes, binding: !special),
        };
        if (special)
        {
            limits.Add(Usage(agreement, OvertimeLimit.SpecialYearly, yearOvertime, agreement.SpecialYearlyLimitMinutes));
            limits.Add(Usage(
                agreement,
                OvertimeLimit.MonthsOverMonthlyLimit,
                year.Count(m => m.StatutoryOvertimeMinutes > agreement.MonthlyLimitMinutes),
                agreement.MonthsOverMonthlyLimitPerYear));
            if (agreement.SpecialMonthlyLimitMinutes is { } specialMonthly)
            {
                limits.Add(Usage(agreement, OvertimeLimit.SpecialMonthly, current.WithRestDayWorkMinutes, specialMonthly));
            }
        }

        limits.Add(Usage(agreement, OvertimeLimit.MonthlyCeiling, current.WithRestDayWorkMinutes, agreement.MonthlyCeilingMinutes, mustStayBelow: true));
        for (var size = agreement.ShortestAverageMonths; size <= agreement.LongestAverageMonths; size++)
        {
            var window = Enumerable.Range(0, size).Select(i => month.AddMonths(-i)).ToList();
            if (window.All(byMonth.ContainsKey))
            {
                var total = window.Sum(m => byMonth[m].WithRestDayWorkMinutes);
                limits.Add(Usage(agreement, OvertimeLimit.Average, total, agreement.AverageLimitMinutes * size, months: size));
            }
        }

        return new OvertimeAgreementReport(month, limits);
    }

    /// <summary>
    /// <see cref="Check"/> with this month's figures so far projected to the month's end, to warn before a limit is hit.
    /// </summary>
    public static OvertimeAgreementReport CheckForecast(
        OvertimeAgreement agreement, IEnumerable<MonthlyOvertimeFigures> months, DateOnly month, int businessDaysElapsed, int businessDaysInMonth)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var projected = months
            .Select(m => m.Month == month ? m.Projected(businessDaysElapsed, businessDaysInMonth) : m);
        return Check(agreement, projected, month);
    }

    /// <summary>Minutes so far ÷ business days elapsed × business days in the month, to the nearest minute.</summary>
    public static int Forecast(int minutesSoFar, int businessDaysElapsed, int businessDaysInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutesSoFar);
        ArgumentOutOfRangeException.ThrowIfNegative(businessDaysElapsed);
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDaysInMonth, businessDaysElapsed);
        return businessDaysElapsed == 0
            ? minutesSoFar
            : decimal.ToInt32(decimal.Round((decimal)minutesSoFar * businessDaysInMonth / businessDaysElapsed, MidpointRounding.AwayFromZero));
    }

    private static LimitUsage Usage(
        OvertimeAgreement agreement, OvertimeLimit limit, int used, int allowed, bool binding = true, bool mustStayBelow = false, int months = 1)
    {
        var level = used >= allowed ? AlertLevel.Reached
            : (long)used * 100 >= (long)allowed * agreement.WarningPercent ? AlertLevel.Warning
            : (long)used * 100 >= (long)allowed * agreement.CautionPercent ? AlertLevel.Caution
            : AlertLevel.None;
        return new LimitUsage(limit, used, allowed, mustStayBelow, binding, level, months);
    }
}
