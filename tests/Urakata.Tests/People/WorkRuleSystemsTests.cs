using Urakata.People.Attendance;
using Urakata.People.Attendance.Systems;
using Urakata.Platform.Domain;

namespace Urakata.Tests.People;

/// <summary>
/// 勤務形態 settings and the day-by-day split of a 1か月単位の変形労働時間制 period (reference §5.4): the 清算期間 and 変形 period a
/// date falls in, the refusals (a 4-month 清算期間, a 所定総労働時間 over the 総枠), and <see cref="VariableSplit"/> giving the
/// totals of <see cref="MonthlyVariableSchedule.Overtime"/> worked out by hand.
/// </summary>
public sealed class WorkRuleSystemsTests
{
    [Theory]
    [InlineData(1, 1, "2026-11-15", "2026-11-01", "2026-12-01")]
    [InlineData(3, 4, "2026-06-30", "2026-04-01", "2026-07-01")]
    [InlineData(3, 4, "2027-02-10", "2027-01-01", "2027-04-01")] // January–March: the fourth period from April
    [InlineData(2, 10, "2027-01-05", "2026-12-01", "2027-02-01")] // December–January crosses the year
    public void FlexPeriod_FollowsTheStartMonth(int months, int startMonth, string date, string start, string end)
    {
        var rule = new WorkRule("フレックス");
        rule.SetSystem(WorkingTimeSystem.Flex, months, startMonth);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            rule.FlexPeriodOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void VariablePeriod_StartsOnItsDay()
    {
        var rule = new WorkRule("店舗シフト");
        rule.SetSystem(WorkingTimeSystem.MonthlyVariable, variableStartDay: 16);
        Assert.Equal((new DateOnly(2026, 10, 16), new DateOnly(2026, 11, 16)), rule.VariablePeriodOf(new DateOnly(2026, 11, 15)));
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 16)), rule.VariablePeriodOf(new DateOnly(2026, 11, 16)));
    }

    [Fact]
    public void Settings_BeyondTheLaw_AreRefused_AndNothingChanges()
    {
        var rule = new WorkRule("フレックス");
        // 32条の3: a 清算期間 of at most 3 months.
        Assert.Equal("flexMonths", Assert.Throws<DomainException>(() => rule.SetSystem(WorkingTimeSystem.Flex, flexMonths: 4)).Field);
        // One-month periods include February (28 days): 総枠 160.0 h = 9,600 min.
        var over = Assert.Throws<DomainException>(() => rule.SetSystem(WorkingTimeSystem.Flex, flexTotalMinutes: 9_601));
        Assert.Contains("160:00", over.Message, StringComparison.Ordinal);
        rule.SetSystem(WorkingTimeSystem.Flex, flexTotalMinutes: 9_600);
        // Three months from April: the shortest is January–March of a common year, 90 days → 514.2 h = 30,857 min.
        Assert.Throws<DomainException>(() => rule.SetSystem(WorkingTimeSystem.Flex, 3, 4, flexTotalMinutes: 30_858));
        Assert.Throws<DomainException>(() => rule.SetSystem(WorkingTimeSystem.MonthlyVariable, variableStartDay: 29));
        Assert.Throws<DomainException>(() => rule.SetSystem(WorkingTimeSystem.Flex, coreStart: new TimeOnly(10, 0)));
        Assert.Equal((WorkingTimeSystem.Flex, 1, 9_600), (rule.TimeSystem, rule.FlexMonths, rule.FlexTotalMinutes));
    }

    [Fact]
    public void ShiftDay_NightShiftEndsNextDay_AndAWorkDayNeedsItsTimes()
    {
        Assert.Equal(8 * 60, new ShiftDay(Guid.NewGuid(), new DateOnly(2026, 11, 2), ShiftKind.Work, new TimeOnly(22, 0), new TimeOnly(7, 0), 60).ScheduledMinutes);
        Assert.Equal(0, new ShiftDay(Guid.NewGuid(), new DateOnly(2026, 11, 2), ShiftKind.RestDay, new TimeOnly(9, 0), new TimeOnly(17, 0)).ScheduledMinutes);
        Assert.Throws<DomainException>(() => new ShiftDay(Guid.NewGuid(), new DateOnly(2026, 11, 2), ShiftKind.Work, new TimeOnly(9, 0), null));
        Assert.Throws<DomainException>(() => new ShiftDay(Guid.NewGuid(), new DateOnly(2026, 11, 2), ShiftKind.Work, new TimeOnly(9, 0), new TimeOnly(10, 0), 60));
    }

    private static List<VariableDay> February2027(Func<DateOnly, (int Scheduled, int Worked)> day) =>
        [.. Enumerable.Range(0, 28).Select(i => new DateOnly(2027, 2, 1).AddDays(i)).Select(d => { var (s, w) = day(d); return new VariableDay(d, s, w); })];

    [Fact]
    public void Split_LongAndShortDays_DailyWeeklyAndPeriod_MatchTheTotals()
    {
        // February 2027: 28 days from Monday the 1st, cap 160.0 h (9,600). Weeks from Sunday: 7–13, 14–20, 21–27 whole;
        // 1–6 and 28 partial. Schedule: weekdays 8 h except Mon 8th 10 h and Tue 9th 6 h (still 40 h that week) = 9,600.
        var days = February2027(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? (0, 0)
            : d.Day == 8 ? (600, 660) // long day worked 11 h: (a) 60 over its 10 h
            : d.Day == 9 ? (360, 480) // short day worked 8 h: 120 beyond its 6 h, then the week passes 40 h on Friday
            : (480, 480));
        days[5] = days[5] with { WorkedMinutes = 480 }; // Sat 6th, in the partial first week: only the period can catch it
        var split = VariableSplit.Split(days, DayOfWeek.Sunday, new DateOnly(2027, 2, 1));
        var total = MonthlyVariableSchedule.Overtime(days);
        // (a) 60; (b) week 7–13 worked less (a) 2,400 + 120 = 2,520 over 40 h → 120, on Friday the 12th;
        // (c) worked 18 × 480 + 660 + 480 + 480 = 10,260 − 60 − 120 − 9,600 = 480, taken from the 法定内 of the last days first:
        // Tuesday the 9th's 120, then 360 of Saturday the 6th's 480.
        Assert.Equal((60, 120, 480), (total.DailyMinutes, total.WeeklyMinutes, total.PeriodMinutes));
        Assert.Equal((total.DailyMinutes, total.WeeklyMinutes, total.PeriodMinutes),
            (split.Values.Sum(s => s.DailyMinutes), split.Values.Sum(s => s.WeeklyMinutes), split.Values.Sum(s => s.PeriodMinutes)));
        Assert.Equal(new VariableDaySplit(new DateOnly(2027, 2, 8), 600, 0, 60, 0, 0), split[new DateOnly(2027, 2, 8)]);
        Assert.Equal(new VariableDaySplit(new DateOnly(2027, 2, 9), 360, 0, 0, 0, 120), split[new DateOnly(2027, 2, 9)]);
        Assert.Equal(new VariableDaySplit(new DateOnly(2027, 2, 12), 360, 0, 0, 120, 0), split[new DateOnly(2027, 2, 12)]);
        Assert.Equal(new VariableDaySplit(new DateOnly(2027, 2, 6), 0, 120, 0, 0, 360), split[new DateOnly(2027, 2, 6)]);
    }

    [Fact]
    public void Split_PeriodStillRunning_HasNoPeriodStep_AndAnEarlierMonthsExcessGoesOnTheLastDay()
    {
        var days = February2027(d => (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 480, d.Day == 6 ? 480 : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 480));
        Assert.Equal(0, VariableSplit.Split(days, DayOfWeek.Sunday, null).Values.Sum(s => s.PeriodMinutes));
        // Settled from the 7th (as if the 1st–6th were a closed month): the 6th's 法定内 stays there, its premium is owed on the 28th.
        var split = VariableSplit.Split(days, DayOfWeek.Sunday, new DateOnly(2027, 2, 7));
        Assert.Equal(480, split[new DateOnly(2027, 2, 6)].NonStatutoryMinutes);
        Assert.Equal(480, split[new DateOnly(2027, 2, 28)].PeriodMinutes);
    }
}
