using Urakata.People.Attendance;
using Urakata.Platform.Domain;

namespace Urakata.Tests.People;

/// <summary>The work rule's day kinds (35条: one 法定休日 a week; 所定休日 by the 就業規則) and its scheduled day (32条: ≤ 8 h).</summary>
public sealed class WorkRuleTests
{
    private static readonly HashSet<DateOnly> NoCompanyDaysOff = [];

    [Theory]
    [InlineData("2026-11-01", DayKind.StatutoryRestDay)] // Sunday
    [InlineData("2026-11-02", DayKind.WorkDay)] // Monday
    [InlineData("2026-11-03", DayKind.ScheduledRestDay)] // 文化の日 (a Tuesday)
    [InlineData("2026-11-07", DayKind.ScheduledRestDay)] // Saturday
    [InlineData("2026-11-23", DayKind.ScheduledRestDay)] // 勤労感謝の日 (a Monday)
    public void Default_SundayIsTheStatutoryRestDay_SaturdayAndHolidaysAreScheduledDaysOff(string date, DayKind expected) =>
        Assert.Equal(expected, new WorkRule("標準").KindOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), NoCompanyDaysOff));

    [Fact]
    public void CompanyDaysOff_AreScheduledDaysOff_AndAnotherStatutoryWeekdayCanBeChosen()
    {
        var rule = new WorkRule("土日休み");
        var companyDay = new DateOnly(2026, 12, 29);
        Assert.Equal(DayKind.ScheduledRestDay, rule.KindOf(companyDay, new HashSet<DateOnly> { companyDay }));

        rule.SetWeek(DayOfWeek.Monday, DayOfWeek.Saturday, [DayOfWeek.Saturday, DayOfWeek.Sunday], holidaysOff: false);
        Assert.Equal(DayKind.StatutoryRestDay, rule.KindOf(new DateOnly(2026, 11, 7), NoCompanyDaysOff));
        Assert.Equal(DayKind.ScheduledRestDay, rule.KindOf(new DateOnly(2026, 11, 8), NoCompanyDaysOff));
        Assert.Equal(DayKind.WorkDay, rule.KindOf(new DateOnly(2026, 11, 3), NoCompanyDaysOff));
        Assert.Equal(DayKind.WorkDay, rule.KindOf(companyDay, new HashSet<DateOnly> { companyDay }));
    }

    [Fact]
    public void ScheduledDay_IsEndMinusStartMinusBreak_AndAtMostEightHours()
    {
        var rule = new WorkRule("標準");
        Assert.Equal(480, rule.ScheduledMinutes);
        rule.SetHours(new TimeOnly(9, 30), new TimeOnly(17, 30), 45);
        Assert.Equal(435, rule.ScheduledMinutes);
        Assert.Throws<DomainException>(() => rule.SetHours(new TimeOnly(8, 0), new TimeOnly(18, 0), 60));
        Assert.Equal(435, rule.ScheduledMinutes);
    }
}
