namespace Urakata.People.Leave;

/// <summary>
/// Which row of the 労基法39条 grant table a worker's paid leave comes from: the full table (通常の労働者) or one row
/// of 比例付与 (ProportionalGrant, 39条3項, 労基則24条の3).
/// </summary>
public enum GrantTable
{
    /// <summary>Fewer than 48 scheduled days a year: 39条 gives no paid leave.</summary>
    None,
    ProportionalOneDay,
    ProportionalTwoDays,
    ProportionalThreeDays,
    ProportionalFourDays,
    FullTime,
}

/// <summary>
/// 所定労働 from the employment contract at the grant date (reference §6.1: "use the contract at the 基準日").
/// <paramref name="DaysPerWeek"/> when days are fixed weekly; otherwise <paramref name="DaysPerYear"/> (年間所定労働日数).
/// </summary>
public sealed record ScheduledWork(int MinutesPerWeek, int? DaysPerWeek = null, int? DaysPerYear = null);

/// <summary>How many days of 年次有給休暇 (PaidLeave) a grant gives — 労基法39条 1–3項, 労基則24条の3 (reference §6.1).</summary>
public static class PaidLeaveGrantRules
{
    /// <summary>労基則24条の3: 比例付与 only below 30 hours a week.</summary>
    public const int ProportionalMaxWeeklyMinutes = 30 * 60;

    // Reference §6.1, columns 継続勤務 0.5, 1.5, 2.5, 3.5, 4.5, 5.5 and ≥ 6.5 years: the nth grant is column n.
    private static readonly Dictionary<GrantTable, int[]> Days = new()
    {
        [GrantTable.FullTime] = [10, 11, 12, 14, 16, 18, 20],
        [GrantTable.ProportionalFourDays] = [7, 8, 9, 10, 12, 13, 15],
        [GrantTable.ProportionalThreeDays] = [5, 6, 6, 8, 9, 10, 11],
        [GrantTable.ProportionalTwoDays] = [3, 4, 4, 5, 6, 6, 7],
        [GrantTable.ProportionalOneDay] = [1, 2, 2, 2, 3, 3, 3],
    };

    /// <summary>
    /// The table for a contract. 比例付与 applies only when the week is under 30 hours AND the worker has at most
    /// 4 days a week (or, days not fixed weekly, at most 216 a year): 4 days × 8 h = 32 h gets the full table.
    /// </summary>
    public static GrantTable TableFor(ScheduledWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegative(work.MinutesPerWeek);
        if (work.MinutesPerWeek >= ProportionalMaxWeeklyMinutes)
        {
            return GrantTable.FullTime;
        }

        if (work.DaysPerWeek is { } perWeek)
        {
            return perWeek switch
            {
                >= 5 => GrantTable.FullTime,
                4 => GrantTable.ProportionalFourDays,
                3 => GrantTable.ProportionalThreeDays,
                2 => GrantTable.ProportionalTwoDays,
                1 => GrantTable.ProportionalOneDay,
                _ => GrantTable.None,
            };
        }

        if (work.DaysPerYear is { } perYear)
        {
            // 労基則24条の3 3項: annual days 169–216 / 121–168 / 73–120 / 48–72.
            return perYear switch
            {
                >= 217 => GrantTable.FullTime,
                >= 169 => GrantTable.ProportionalFourDays,
                >= 121 => GrantTable.ProportionalThreeDays,
                >= 73 => GrantTable.ProportionalTwoDays,
                >= 48 => GrantTable.ProportionalOneDay,
                _ => GrantTable.None,
            };
        }

        throw new ArgumentException("Scheduled work needs days per week or, for irregular schedules, days per year.", nameof(work));
    }

    /// <summary>
    /// Days of the <paramref name="grantNumber"/>th grant (1 = after 6 months of service, 2 = after 1.5 years…;
    /// from the 7th grant on, 6.5 years or more, the last column applies).
    /// </summary>
    public static int DaysFor(GrantTable table, int grantNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grantNumber, 1);
        if (table == GrantTable.None)
        {
            return 0;
        }

        var row = Days[table];
        return row[Math.Min(grantNumber, row.Length) - 1];
    }

    /// <summary>
    /// What the grant gives once the 8割 test is known: nothing when attendance fell short — for that grant only; the
    /// next grant still counts the years of service (reference §6.1).
    /// </summary>
    public static int DaysToGrant(ScheduledWork work, int grantNumber, AttendanceRate attendance)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return attendance.MeetsEightyPercent ? DaysFor(TableFor(work), grantNumber) : 0;
    }
}
