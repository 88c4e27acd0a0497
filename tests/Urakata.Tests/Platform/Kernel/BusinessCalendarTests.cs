using System.Globalization;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Standard = new();

    [Fact]
    public void AddBusinessDays_AcrossGoldenWeek_SkipsHolidaysAndWeekend()
    {
        // 2026-05-02 Sat, 03 Sun 憲法記念日, 04 みどりの日, 05 こどもの日, 06 振替休日.
        Assert.Equal(Day("2026-05-07"), Standard.AddBusinessDays(Day("2026-05-01"), 1));
    }

    [Fact]
    public void AddBusinessDays_Negative_GoesBack()
    {
        Assert.Equal(Day("2026-05-01"), Standard.AddBusinessDays(Day("2026-05-07"), -1));
        Assert.Equal(Day("2026-04-28"), Standard.AddBusinessDays(Day("2026-05-07"), -3));
    }

    [Theory]
    [InlineData("2026-06-10", "2026-06-10")] // Wednesday: itself
    [InlineData("2026-06-13", "2026-06-15")] // Saturday: next Monday
    [InlineData("2026-09-21", "2026-09-24")] // 敬老の日, 国民の休日, 秋分の日
    public void AddBusinessDays_Zero_ReturnsSameOrNextBusinessDay(string date, string expected)
    {
        Assert.Equal(Day(expected), Standard.AddBusinessDays(Day(date), 0));
    }

    [Fact]
    public void AddBusinessDays_FromNonBusinessDay_CountsFromThere()
    {
        // Saturday + 1 is the first business day after it, not the second.
        Assert.Equal(Day("2026-06-15"), Standard.AddBusinessDays(Day("2026-06-13"), 1));
        Assert.Equal(Day("2026-06-12"), Standard.AddBusinessDays(Day("2026-06-13"), -1));
    }

    [Fact]
    public void AddBusinessDays_CompanyYearEndClosure_IsSkipped()
    {
        var calendar = new BusinessCalendar(Range("2026-12-29", "2027-01-03"));

        Assert.Equal(Day("2027-01-04"), calendar.AddBusinessDays(Day("2026-12-28"), 1));
        Assert.False(calendar.IsBusinessDay(Day("2026-12-30")));
        Assert.True(Standard.IsBusinessDay(Day("2026-12-30")));
    }

    [Fact]
    public void IsBusinessDay_CompanyWorkingDay_OverridesWeekendAndHoliday()
    {
        var calendar = new BusinessCalendar(companyWorkingDays: [Day("2026-06-13"), Day("2026-07-20")]);

        Assert.True(calendar.IsBusinessDay(Day("2026-06-13"))); // Saturday 出勤日
        Assert.True(calendar.IsBusinessDay(Day("2026-07-20"))); // 海の日, factory open
        Assert.False(calendar.IsBusinessDay(Day("2026-06-20")));
    }

    [Fact]
    public void IsBusinessDay_OpenOnSaturday_StillClosedSundayAndHolidays()
    {
        var calendar = new BusinessCalendar(closedOnSaturday: false);

        Assert.True(calendar.IsBusinessDay(Day("2026-06-13")));
        Assert.False(calendar.IsBusinessDay(Day("2026-06-14")));
        Assert.False(calendar.IsBusinessDay(Day("2025-05-03"))); // 憲法記念日 on a Saturday
    }

    [Fact]
    public void Constructor_DayBothHolidayAndWorkingDay_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new BusinessCalendar([Day("2026-06-13")], [Day("2026-06-13")]));

        Assert.Contains("2026-06-13", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-30", true)]
    [InlineData("2026-12-31", false)] // Thursday, but 銀行法施行令5条
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-02", false)]
    [InlineData("2027-01-03", false)]
    [InlineData("2027-01-04", true)]
    [InlineData("2026-09-22", false)] // 国民の休日
    [InlineData("2026-05-06", false)] // 振替休日
    [InlineData("2026-06-13", false)] // Saturday
    [InlineData("2026-06-15", true)]
    public void IsBankBusinessDay_FollowsBankHolidays(string date, bool expected)
    {
        Assert.Equal(expected, BusinessCalendar.IsBankBusinessDay(Day(date)));
    }

    [Fact]
    public void BankBusinessDay_RollsAroundYearEnd()
    {
        Assert.Equal(Day("2027-01-04"), BusinessCalendar.NextBankBusinessDay(Day("2026-12-31")));
        Assert.Equal(Day("2026-12-30"), BusinessCalendar.PreviousBankBusinessDay(Day("2027-01-01")));
        Assert.Equal(Day("2026-12-30"), BusinessCalendar.NextBankBusinessDay(Day("2026-12-30"), includeSelf: true));
    }

    [Fact]
    public void NextAndPreviousBusinessDay_RespectIncludeSelf()
    {
        var friday = Day("2026-06-12");

        Assert.Equal(friday, Standard.NextBusinessDay(friday, includeSelf: true));
        Assert.Equal(Day("2026-06-15"), Standard.NextBusinessDay(friday));
        Assert.Equal(friday, Standard.PreviousBusinessDay(friday, includeSelf: true));
        Assert.Equal(Day("2026-06-11"), Standard.PreviousBusinessDay(friday));
        Assert.Equal(Day("2026-05-01"), Standard.PreviousBusinessDay(Day("2026-05-06"), includeSelf: true));
    }

    [Fact]
    public void CountBusinessDays_May2026_Is18()
    {
        // 31 days − 10 weekend days − 05-04, 05-05, 05-06 (weekday holidays) = 18.
        Assert.Equal(18, Standard.CountBusinessDays(Day("2026-05-01"), Day("2026-05-31")));
    }

    [Fact]
    public void CountBusinessDays_SingleDay_CountsThatDay()
    {
        Assert.Equal(1, Standard.CountBusinessDays(Day("2026-06-12"), Day("2026-06-12")));
        Assert.Equal(0, Standard.CountBusinessDays(Day("2026-06-13"), Day("2026-06-13")));
    }

    [Fact]
    public void CountBusinessDays_ReversedRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Standard.CountBusinessDays(Day("2026-06-12"), Day("2026-06-11")));
    }

    private static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Range(string fromInclusive, string toInclusive)
    {
        for (var day = Day(fromInclusive); day <= Day(toInclusive); day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
