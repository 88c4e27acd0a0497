using System.Globalization;
using Urakata.People.Leave;
using Urakata.Platform.Domain;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People;

/// <summary>Grant dates: reference §6.1 (hire + 6 months, then yearly) and §6.3 (基準日 / 斉一的取扱い, never later than statutory).</summary>
public sealed class GrantScheduleTests
{
    [Fact]
    public void Statutory_SixMonthsAfterHire_ThenEveryYear()
    {
        var grants = GrantSchedule.For(Day("2026-04-01"), Day("2029-12-31"));

        Assert.Equal(
            ["2026-10-01", "2027-10-01", "2028-10-01", "2029-10-01"],
            grants.Select(g => g.GrantDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal([1, 2, 3, 4], grants.Select(g => g.Number));
        Assert.Equal(Day("2026-04-01"), grants[0].AttendanceFrom); // the first 6 months
        Assert.Equal(Day("2026-10-01"), grants[1].AttendanceFrom); // then the preceding year
        Assert.All(grants, g => Assert.Null(g.DeemedAttendedThrough));
    }

    [Theory]
    [InlineData("2025-08-31", 1, "2026-02-28")] // no Feb 31: the month's last day, never after 民法143条's 03-01
    [InlineData("2025-08-31", 3, "2028-02-29")] // counted from the hire date each year, so a leap year lands on the 29th
    [InlineData("2026-01-31", 1, "2026-07-31")]
    public void StatutoryDate_AtMonthEnds(string hire, int number, string expected)
    {
        Assert.Equal(Day(expected), GrantSchedule.StatutoryDate(Day(hire), number));
    }

    [Fact]
    public void UniformDate_FirstGrantMovedEarlier_ShortenedPeriodDeemedAttended()
    {
        // Hired 2026-01-15: statutory first grant 2026-07-15; the April 1 基準日 grants on 2026-04-01.
        var grants = GrantSchedule.For(Day("2026-01-15"), Day("2028-12-31"), new UniformGrantDate(4, 1));

        Assert.Equal([Day("2026-04-01"), Day("2027-04-01"), Day("2028-04-01")], grants.Select(g => g.GrantDate));
        Assert.Equal([Day("2026-07-15"), Day("2027-07-15"), Day("2028-07-15")], grants.Select(g => g.StatutoryDate));
        Assert.All(grants, g => Assert.True(g.IsAdvanced));
        // §6.3 (a): 8割 over 01-15…03-31, and 04-01…07-14 (cut off by the early grant) counts as worked.
        Assert.Equal((Day("2026-01-15"), Day("2026-07-14")), (grants[0].AttendanceFrom, grants[0].DeemedAttendedThrough));
        // The next periods are whole years from the 基準日: nothing cut off.
        Assert.Equal((Day("2026-04-01"), (DateOnly?)null), (grants[1].AttendanceFrom, grants[1].DeemedAttendedThrough));
        // 11 days at the second 基準日, although the employee has served only 1 year 2.5 months.
        Assert.Equal(11, PaidLeaveGrantRules.DaysFor(GrantTable.FullTime, grants[1].Number));
    }

    [Fact]
    public void UniformDate_StatutoryFirstGrant_SecondGrantMovedToTheNextUniformDate()
    {
        // Mid-career hire 2026-06-01: 10 days on 2026-12-01, then 11 days on 2027-04-01 (statutory 2027-12-01).
        var grants = GrantSchedule.For(Day("2026-06-01"), Day("2028-12-31"), new UniformGrantDate(4, 1, FirstGrantTiming.Statutory));

        Assert.Equal([Day("2026-12-01"), Day("2027-04-01"), Day("2028-04-01")], grants.Select(g => g.GrantDate));
        Assert.False(grants[0].IsAdvanced);
        Assert.Equal((Day("2026-12-01"), Day("2027-11-30")), (grants[1].AttendanceFrom, grants[1].DeemedAttendedThrough));
        Assert.Null(grants[2].DeemedAttendedThrough);
    }

    [Fact]
    public void UniformDate_BeforeTheHire_FirstGrantStaysStatutory()
    {
        // Hired 2026-05-01: the last April 1 before 2026-11-01 is before the hire, so the first grant is 2026-11-01.
        var grants = GrantSchedule.For(Day("2026-05-01"), Day("2027-12-31"), new UniformGrantDate(4, 1));

        Assert.Equal([Day("2026-11-01"), Day("2027-04-01")], grants.Select(g => g.GrantDate));
    }

    [Fact]
    public void UniformDate_OnTheHireDate_GrantsOnTheFirstDay()
    {
        var grants = GrantSchedule.For(Day("2026-04-01"), Day("2026-12-31"), new UniformGrantDate(4, 1));

        var first = Assert.Single(grants);
        Assert.Equal(Day("2026-04-01"), first.GrantDate);
        Assert.Equal(Day("2026-09-30"), first.DeemedAttendedThrough); // the whole first 6 months count as worked
    }

    [Fact]
    public void UniformDate_NeverLaterThanStatutory_ForEveryHireDateOfAYear()
    {
        foreach (var timing in new[] { FirstGrantTiming.UniformDate, FirstGrantTiming.Statutory })
        {
            foreach (var (month, day) in new[] { (4, 1), (10, 1), (1, 1) })
            {
                for (var hire = Day("2026-01-01"); hire <= Day("2026-12-31"); hire = hire.AddDays(1))
                {
                    var grants = GrantSchedule.For(hire, hire.AddYears(8), new UniformGrantDate(month, day, timing));

                    Assert.All(grants, g => Assert.True(g.GrantDate <= g.StatutoryDate, $"hire {hire}, grant {g.Number}: {g.GrantDate} > {g.StatutoryDate}"));
                    Assert.All(grants.Skip(1), g => Assert.Equal(new DateOnly(g.GrantDate.Year, month, day), g.GrantDate));
                    Assert.True(grants.Count >= 8, $"hire {hire}: only {grants.Count} grants in 8 years");
                }
            }
        }
    }

    [Fact]
    public void GrantDateLaterThanStatutory_IsRefused()
    {
        var hire = Day("2026-06-01");
        GrantSchedule.EnsureNotLaterThanStatutory(hire, 1, Day("2026-12-01"));
        GrantSchedule.EnsureNotLaterThanStatutory(hire, 1, Day("2026-10-01"));

        var ex = Assert.Throws<DomainException>(() => InCulture("ja-JP", () =>
        {
            GrantSchedule.EnsureNotLaterThanStatutory(hire, 1, Day("2027-04-01"));
            return 0;
        }));
        Assert.Equal("付与日2027/04/01は法定の付与日2026/12/01より後です。基準日による付与は法定の付与日より前倒しでなければなりません。", ex.Message);
    }

    [Fact]
    public void February29_CannotBeAYearlyDate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformGrantDate(2, 29));
    }
}
