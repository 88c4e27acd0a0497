using Urakata.People.Attendance;
using Urakata.People.Attendance.Systems;
using Urakata.Platform.Domain;

namespace Urakata.Tests.People;

/// <summary>
/// フレックスタイム制 and 1か月単位の変形労働時間制 (reference §5): the caps the reference lists (総枠 40 h × days ÷ 7: 28 days
/// 160.0 h, 30 days 171.4 h, 31 days 177.1 h, 91 days 520.0 h; the monthly 50-hour average, 31 days 221.4 h), and 時間外
/// worked out by hand in each case; a joiner or leaver of a longer period settled over the days employed (32条の3の2), and
/// the コアタイム check.
/// </summary>
public sealed class WorkingTimeSystemsTests
{
    [Theory]
    [InlineData(28, 9_600)] // 160.0 h
    [InlineData(29, 9_942)] // 165.71 h
    [InlineData(30, 10_285)] // 171.43 h
    [InlineData(31, 10_628)] // 177.14 h
    [InlineData(91, 31_200)] // 520.0 h
    [InlineData(92, 31_542)] // 525.71 h
    public void TotalFrame_Is40HoursADayAverage_RoundedDownToTheMinute(int days, int minutes) =>
        Assert.Equal(minutes, FlexTime.TotalFrameMinutes(days));

    [Theory]
    [InlineData(30, 12_857)] // 214.29 h
    [InlineData(31, 13_285)] // 221.43 h
    public void MonthlyCap_Is50HoursAWeekAverage(int days, int minutes) => Assert.Equal(minutes, FlexTime.MonthlyCapMinutes(days));

    private static Dictionary<DateOnly, int> Evenly(DateOnly from, DateOnly toExclusive, int totalMinutes)
    {
        var days = Enumerable.Range(0, toExclusive.DayNumber - from.DayNumber).Select(from.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var each = totalMinutes / days.Count;
        var map = days.ToDictionary(d => d, _ => each);
        map[days[0]] += totalMinutes - (each * days.Count);
        return map;
    }

    [Fact]
    public void OneMonth_OverTheFrameIsOvertime_BetweenScheduledAndFrameIsWithinStatutory()
    {
        // October 2026: 31 days, frame 10,628 min; 所定総労働時間 22 days × 8 h = 10,560. Worked 180 h = 10,800:
        // 法定外 10,800 − 10,628 = 172; 法定内 10,628 − 10,560 = 68.
        var period = new FlexPeriod(new DateOnly(2026, 10, 1), 1, 22 * 480);
        var month = Assert.Single(FlexTime.Settle(period, Evenly(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), 180 * 60)));
        Assert.Equal((10_800, 172, 68, 0), (month.WorkedMinutes, month.StatutoryOvertimeMinutes, month.NonStatutoryOvertimeMinutes, month.ShortfallMinutes));

        // 170 h: 6 hours short of the 所定, nothing over.
        month = Assert.Single(FlexTime.Settle(period, Evenly(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), 170 * 60)));
        Assert.Equal((0, 0, 360), (month.StatutoryOvertimeMinutes, month.NonStatutoryOvertimeMinutes, month.ShortfallMinutes));
    }

    [Fact]
    public void ThreeMonths_ThePartOverFiftyHoursAWeekIsPaidInItsMonth_TheRestAtTheEnd()
    {
        // April–June 2026: 91 days, frame 31,200 (520 h). April (30 days) cap 12,857: 220 h = 13,200 → 343 in April.
        // May 180 h, June 170 h: total 570 h = 34,200; at the end 34,200 − 31,200 − 343 = 2,657 in June.
        var period = new FlexPeriod(new DateOnly(2026, 4, 1), 3, 480 * 60);
        var worked = Evenly(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), 220 * 60)
            .Concat(Evenly(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), 180 * 60))
            .Concat(Evenly(new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), 170 * 60)).ToDictionary();
        var months = FlexTime.Settle(period, worked);
        Assert.Equal([343, 0, 2_657], months.Select(m => m.StatutoryOvertimeMinutes));
        Assert.Equal(34_200 - 31_200, months.Sum(m => m.StatutoryOvertimeMinutes));
        // 法定内 in June: within the frame (34,200 − 343 capped at 31,200) over the 所定 28,800 = 2,400.
        Assert.Equal(2_400, months[^1].NonStatutoryOvertimeMinutes);

        // A long April alone: 230 h = 13,800 → 943 over April's cap; May and June light, the total under the frame: nothing more.
        worked = Evenly(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), 230 * 60)
            .Concat(Evenly(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), 150 * 60))
            .Concat(Evenly(new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), 150 * 60)).ToDictionary();
        Assert.Equal([943, 0, 0], FlexTime.Settle(period, worked).Select(m => m.StatutoryOvertimeMinutes));
    }

    [Fact]
    public void ThreeMonths_AJoiner_IsSettledAtThePeriodEnd_OverTheDaysEmployed()
    {
        // 32条の3の2 (reference §5.4 lists 32条の3 only; the frame as MHLW explains the article: 40 h × 実労働期間の暦日数 ÷ 7).
        // April–June 2026, joined Monday 11 May: employed 21 + 30 = 51 days, 総枠 40 × 51 ÷ 7 = 291.43 h → 17,485 min.
        // May (from the 11th) 150 h = 9,000, June 180 h = 10,800: both under their 50-hour caps (13,285; 12,857), total 19,800.
        // 時間外 at the period's end: 19,800 − 17,485 = 2,315 — over the whole period's 総枠 (31,200) it would have been none.
        var period = new FlexPeriod(new DateOnly(2026, 4, 1), 3, 16_800, employedFrom: new DateOnly(2026, 5, 11));
        Assert.Equal((true, 17_485, 2), (period.IsPartial, period.FrameMinutes, period.SettlementMonth));
        var worked = Evenly(new DateOnly(2026, 5, 11), new DateOnly(2026, 6, 1), 150 * 60)
            .Concat(Evenly(new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), 180 * 60)).ToDictionary();
        var months = FlexTime.Settle(period, worked);
        Assert.Equal([0, 0, 2_315], months.Select(m => m.StatutoryOvertimeMinutes));
        // 法定内: the 総枠 of the days employed over their 所定 16,800 = 685; nothing short.
        Assert.Equal((685, 0), (months[^1].NonStatutoryOvertimeMinutes, months[^1].ShortfallMinutes));

        // A day before joining is not theirs to settle.
        Assert.Throws<ArgumentException>(() => FlexTime.Settle(period, new Dictionary<DateOnly, int> { [new DateOnly(2026, 5, 8)] = 480 }));
    }

    [Fact]
    public void ThreeMonths_ALeaver_IsSettledInTheMonthTheyLeave_LessWhatEarlierMonthsPaid()
    {
        // April–June 2026, last day Friday 15 May: employed 30 + 15 = 45 days, 総枠 40 × 45 ÷ 7 = 257.14 h → 15,428 min.
        // April 220 h = 13,200: 343 over its 50-hour cap (12,857), paid in April. May 1–15 90 h = 5,400. Total 18,600:
        // in May 18,600 − 15,428 − 343 = 2,829 (32条の3の2 leaves out what 36条 overtime already paid); June has nothing.
        var period = new FlexPeriod(new DateOnly(2026, 4, 1), 3, 13_920, employedUntil: new DateOnly(2026, 5, 16));
        Assert.Equal((true, 15_428, 1), (period.IsPartial, period.FrameMinutes, period.SettlementMonth));
        var worked = Evenly(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), 220 * 60)
            .Concat(Evenly(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 16), 90 * 60)).ToDictionary();
        var months = FlexTime.Settle(period, worked);
        Assert.Equal([343, 2_829, 0], months.Select(m => m.StatutoryOvertimeMinutes));
        Assert.Equal(18_600 - 15_428, months.Sum(m => m.StatutoryOvertimeMinutes));
        // 法定内 in May: min(18,600 − 343, 15,428) over the 所定 of their 29 work days × 8 h (13,920) = 1,508.
        Assert.Equal((0, 1_508, 0), (months[0].NonStatutoryOvertimeMinutes, months[1].NonStatutoryOvertimeMinutes, months[2].NonStatutoryOvertimeMinutes));
    }

    [Fact]
    public void OneMonth_AJoiner_KeepsTheMonthsFrame_TheJoinerRuleIsForLongerPeriods()
    {
        // October 2026, joined the 16th: 32条の3の2 speaks of periods over one month, so the 総枠 stays 31 days' 10,628.
        var period = new FlexPeriod(new DateOnly(2026, 10, 1), 1, 0, employedFrom: new DateOnly(2026, 10, 16));
        Assert.Equal((false, 10_628, 0), (period.IsPartial, period.FrameMinutes, period.SettlementMonth));
        // A 所定 above the frame of the days employed is refused as above any 総枠.
        var ex = Assert.Throws<DomainException>(() => new FlexPeriod(new DateOnly(2026, 4, 1), 3, 15_429, employedUntil: new DateOnly(2026, 5, 16)));
        Assert.Equal("scheduledMinutes", ex.Field);
    }

    [Theory]
    [InlineData(9, 0, 18, 0, null, null)] // covers 10:00–15:00
    [InlineData(10, 0, 15, 0, null, null)] // exactly the core
    [InlineData(10, 30, 19, 0, 300, 270)] // clocked in late: 10:30–15:00 of it
    [InlineData(8, 0, 12, 0, 300, 120)] // left early: 10:00–12:00 of it
    [InlineData(16, 0, 20, 0, 300, 0)] // after it altogether
    public void CoreTime_ClockInAfterItsStartOrOutBeforeItsEnd_IsAWarning(int inHour, int inMinute, int outHour, int outMinute, int? core, int? covered)
    {
        var date = new DateOnly(2026, 10, 5);
        var day = new ClockedDay(date, DayKind.WorkDay, 480, [new ClockSpan(date.ToDateTime(new TimeOnly(inHour, inMinute)), date.ToDateTime(new TimeOnly(outHour, outMinute)))]);
        var warning = FlexTime.CoreTimeWarning(day, new TimeOnly(10, 0), new TimeOnly(15, 0));
        Assert.Equal(core is null ? null : new AttendanceWarning(AttendanceWarningKind.CoreTimeNotCovered, core.Value, covered!.Value), warning);
    }

    [Fact]
    public void CoreTime_AGapInsideIt_OrAnOpenSpan_IsNoCoreWarning()
    {
        var date = new DateOnly(2026, 10, 5);
        DateTime At(int hour) => date.ToDateTime(new TimeOnly(hour, 0));
        // Out at noon and back at two: a break of the employee's choosing, first in and last out still cover the core.
        var split = new ClockedDay(date, DayKind.WorkDay, 480, [new ClockSpan(At(9), At(12)), new ClockSpan(At(14), At(18))]);
        Assert.Null(FlexTime.CoreTimeWarning(split, new TimeOnly(10, 0), new TimeOnly(15, 0)));
        // No clock-out yet: the day warns of that, not of the core.
        var open = new ClockedDay(date, DayKind.WorkDay, 480, [new ClockSpan(At(11), null)]);
        Assert.Null(FlexTime.CoreTimeWarning(open, new TimeOnly(10, 0), new TimeOnly(15, 0)));
    }

    [Fact]
    public void FlexPeriod_Refuses_MoreThanThreeMonths_OrASchedulePastTheFrame()
    {
        Assert.Equal("months", Assert.Throws<DomainException>(() => new FlexPeriod(new DateOnly(2026, 4, 1), 4, 0)).Field);
        Assert.Equal("scheduledMinutes", Assert.Throws<DomainException>(() => new FlexPeriod(new DateOnly(2026, 10, 1), 1, 10_629)).Field);
    }

    /// <summary>February 2026 (starts on a Sunday: four whole weeks), a schedule of 50 + 30 + 40 + 40 = 160 h, the cap.</summary>
    private static List<VariableDay> February(Func<DateOnly, int, int> worked)
    {
        var days = new List<VariableDay>();
        for (var date = new DateOnly(2026, 2, 1); date.Month == 2; date = date.AddDays(1))
        {
            var week = (date.Day - 1) / 7;
            var weekday = date.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday;
            var scheduled = !weekday ? 0
                : week == 0 ? 600 // 10 h × 5
                : week == 1 ? (date.DayOfWeek == DayOfWeek.Friday ? 0 : 450) // 7.5 h × 4
                : 480;
            days.Add(new VariableDay(date, scheduled, worked(date, scheduled)));
        }

        return days;
    }

    [Fact]
    public void MonthlyVariable_CountsDailyThenWeeklyThenPeriodOvertime()
    {
        var days = February((date, scheduled) => date switch
        {
            { Day: 2 } => 660, // Monday of week 1, 10 h scheduled: 11 h → (a) 60
            { Day: 10 } => 540, // Tuesday of week 2, 7.5 h scheduled: 9 h → (a) 60 over 8 h; the 30 min up to 8 h is not daily
            { Day: 21 } => 240, // Saturday of week 3, a day off: 4 h → week 3 is 44 h → (b) 240
            _ => scheduled,
        });
        // (c): worked 51 + 31.5 + 44 + 40 = 166.5 h = 9,990; less (a) 120 and (b) 240 = 9,630; over the cap 9,600 by 30.
        Assert.Equal(new VariableOvertime(120, 240, 30), MonthlyVariableSchedule.Overtime(days));

        // Working exactly the schedule, 10-hour days included, is no overtime at all.
        Assert.Equal(0, MonthlyVariableSchedule.Overtime(February((_, s) => s)).TotalMinutes);
    }

    [Fact]
    public void MonthlyVariable_RefusesAScheduleOverTheCap()
    {
        var days = February((_, s) => s);
        days[1] = days[1] with { ScheduledMinutes = days[1].ScheduledMinutes + 1 };
        var ex = Assert.Throws<DomainException>(() => MonthlyVariableSchedule.CheckSchedule(days));
        Assert.Contains("160:01", ex.Message, StringComparison.Ordinal);
    }
}
