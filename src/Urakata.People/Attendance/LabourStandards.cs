namespace Urakata.People.Attendance;

/// <summary>
/// The working-time figures of 労働基準法 the attendance rules apply (reference §5.1, §5.2), as data: a workplace under
/// the 特例措置 has a 44-hour week, and the items the reference marks [GK-verify] can be corrected without a code change.
/// </summary>
public sealed record LabourStandards
{
    public static readonly LabourStandards Statutory = new();

    /// <summary>32条2項: 8 hours a day, breaks excluded.</summary>
    public int DailyLimitMinutes { get; init; } = 8 * 60;

    /// <summary>32条1項: 40 hours a week; 44 under the 特例措置 (労基則25条の2).</summary>
    public int WeeklyLimitMinutes { get; init; } = 40 * 60;

    /// <summary>37条4項: 深夜 is 22:00–05:00.</summary>
    public TimeOnly NightStart { get; init; } = new(22, 0);

    public TimeOnly NightEnd { get; init; } = new(5, 0);

    /// <summary>
    /// 37条1項 但書: 時間外 beyond 60 hours in a month is paid at 50% (SMEs too since 2023-04-01 [GK-verify]); 法定休日労働
    /// does not count toward it, 時間外 on a 所定休日 does ([GK-verify], reference §5.2).
    /// </summary>
    public int MonthlyOvertimeThresholdMinutes { get; init; } = 60 * 60;

    /// <summary>
    /// 34条: more than 6 hours of work needs at least 45 minutes of break, more than 8 hours at least 60. Longest first:
    /// (worked more than, break at least).
    /// </summary>
    public IReadOnlyList<(int WorkedOverMinutes, int BreakMinutes)> Breaks { get; init; } = [(8 * 60, 60), (6 * 60, 45)];

    public int RequiredBreakMinutes(int workedMinutes) =>
        Breaks.Where(b => workedMinutes > b.WorkedOverMinutes).Select(b => b.BreakMinutes).DefaultIfEmpty(0).Max();
}
