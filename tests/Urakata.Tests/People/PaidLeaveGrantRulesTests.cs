using Urakata.People.Leave;

namespace Urakata.Tests.People;

/// <summary>Golden values: reference jp-hr-payroll-labour.md §6.1 (労基法39条, 労基則24条の3).</summary>
public sealed class PaidLeaveGrantRulesTests
{
    [Theory]
    // 継続勤務 0.5 / 1.5 / 2.5 / 3.5 / 4.5 / 5.5 / 6.5 years = grant 1…7; the 8th grant (7.5 years) stays at the last column.
    [InlineData(GrantTable.FullTime, 1, 10)]
    [InlineData(GrantTable.FullTime, 2, 11)]
    [InlineData(GrantTable.FullTime, 3, 12)]
    [InlineData(GrantTable.FullTime, 4, 14)]
    [InlineData(GrantTable.FullTime, 5, 16)]
    [InlineData(GrantTable.FullTime, 6, 18)]
    [InlineData(GrantTable.FullTime, 7, 20)]
    [InlineData(GrantTable.FullTime, 8, 20)]
    [InlineData(GrantTable.ProportionalFourDays, 1, 7)]
    [InlineData(GrantTable.ProportionalFourDays, 2, 8)]
    [InlineData(GrantTable.ProportionalFourDays, 3, 9)]
    [InlineData(GrantTable.ProportionalFourDays, 4, 10)]
    [InlineData(GrantTable.ProportionalFourDays, 5, 12)]
    [InlineData(GrantTable.ProportionalFourDays, 6, 13)]
    [InlineData(GrantTable.ProportionalFourDays, 7, 15)]
    [InlineData(GrantTable.ProportionalFourDays, 12, 15)]
    [InlineData(GrantTable.ProportionalThreeDays, 1, 5)]
    [InlineData(GrantTable.ProportionalThreeDays, 2, 6)]
    [InlineData(GrantTable.ProportionalThreeDays, 3, 6)]
    [InlineData(GrantTable.ProportionalThreeDays, 4, 8)]
    [InlineData(GrantTable.ProportionalThreeDays, 5, 9)]
    [InlineData(GrantTable.ProportionalThreeDays, 6, 10)]
    [InlineData(GrantTable.ProportionalThreeDays, 7, 11)]
    [InlineData(GrantTable.ProportionalTwoDays, 1, 3)]
    [InlineData(GrantTable.ProportionalTwoDays, 2, 4)]
    [InlineData(GrantTable.ProportionalTwoDays, 3, 4)]
    [InlineData(GrantTable.ProportionalTwoDays, 4, 5)]
    [InlineData(GrantTable.ProportionalTwoDays, 5, 6)]
    [InlineData(GrantTable.ProportionalTwoDays, 6, 6)]
    [InlineData(GrantTable.ProportionalTwoDays, 7, 7)]
    [InlineData(GrantTable.ProportionalOneDay, 1, 1)]
    [InlineData(GrantTable.ProportionalOneDay, 2, 2)]
    [InlineData(GrantTable.ProportionalOneDay, 3, 2)]
    [InlineData(GrantTable.ProportionalOneDay, 4, 2)]
    [InlineData(GrantTable.ProportionalOneDay, 5, 3)]
    [InlineData(GrantTable.ProportionalOneDay, 6, 3)]
    [InlineData(GrantTable.ProportionalOneDay, 7, 3)]
    [InlineData(GrantTable.None, 7, 0)]
    public void DaysFor_EveryColumnOfTheTable(GrantTable table, int grantNumber, int expectedDays)
    {
        Assert.Equal(expectedDays, PaidLeaveGrantRules.DaysFor(table, grantNumber));
    }

    [Theory]
    // §6.1: 比例付与 only when under 30 h a week AND at most 4 days a week.
    [InlineData(29 * 60, 4, null, GrantTable.ProportionalFourDays)]
    [InlineData(30 * 60, 4, null, GrantTable.FullTime)] // 4 days, exactly 30 h: full table
    [InlineData(32 * 60, 4, null, GrantTable.FullTime)] // 4 days × 8 h (the reference's example)
    [InlineData(20 * 60, 5, null, GrantTable.FullTime)] // 5 days, however short
    [InlineData(29 * 60 + 59, 3, null, GrantTable.ProportionalThreeDays)]
    [InlineData(12 * 60, 2, null, GrantTable.ProportionalTwoDays)]
    [InlineData(6 * 60, 1, null, GrantTable.ProportionalOneDay)]
    // Days not fixed weekly: annual days 169–216 / 121–168 / 73–120 / 48–72.
    [InlineData(25 * 60, null, 217, GrantTable.FullTime)]
    [InlineData(25 * 60, null, 216, GrantTable.ProportionalFourDays)]
    [InlineData(25 * 60, null, 169, GrantTable.ProportionalFourDays)]
    [InlineData(25 * 60, null, 168, GrantTable.ProportionalThreeDays)]
    [InlineData(25 * 60, null, 121, GrantTable.ProportionalThreeDays)]
    [InlineData(20 * 60, null, 120, GrantTable.ProportionalTwoDays)]
    [InlineData(20 * 60, null, 73, GrantTable.ProportionalTwoDays)]
    [InlineData(10 * 60, null, 72, GrantTable.ProportionalOneDay)]
    [InlineData(10 * 60, null, 48, GrantTable.ProportionalOneDay)]
    [InlineData(10 * 60, null, 47, GrantTable.None)]
    [InlineData(30 * 60, null, 200, GrantTable.FullTime)] // 30 h a week: full table whatever the days
    public void TableFor_ProportionalOnlyUnder30HoursAndAtMostFourDays(int minutesPerWeek, int? daysPerWeek, int? daysPerYear, GrantTable expected)
    {
        Assert.Equal(expected, PaidLeaveGrantRules.TableFor(new ScheduledWork(minutesPerWeek, daysPerWeek, daysPerYear)));
    }

    [Fact]
    public void DaysToGrant_ProportionalWorker_GetsTheirRow()
    {
        var partTimer = new ScheduledWork(24 * 60, DaysPerWeek: 4);
        var passed = new AttendanceRate(100, 100);

        Assert.Equal(7, PaidLeaveGrantRules.DaysToGrant(partTimer, 1, passed));
        Assert.Equal(10, PaidLeaveGrantRules.DaysToGrant(partTimer, 4, passed)); // 3.5 years: 10 days, so the 5-day duty applies
    }

    [Fact]
    public void DaysToGrant_AfterAFailedYear_NothingThenTheServiceYearsStillCount()
    {
        var fullTime = new ScheduledWork(40 * 60, DaysPerWeek: 5);

        // §6.1: failing 80% means no grant for that year only.
        Assert.Equal(0, PaidLeaveGrantRules.DaysToGrant(fullTime, 2, new AttendanceRate(79, 100)));
        Assert.Equal(12, PaidLeaveGrantRules.DaysToGrant(fullTime, 3, new AttendanceRate(80, 100)));
    }
}
