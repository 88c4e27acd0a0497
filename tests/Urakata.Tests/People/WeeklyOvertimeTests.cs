using Urakata.People.Attendance;
using Urakata.Platform.Kernel;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People;

/// <summary>The 40-hour week and the 60-hour month: reference §5.1 (32条, 35条) and §5.2 (37条1項 但書; what counts toward 60 h).</summary>
public sealed class WeeklyOvertimeTests
{
    /// <summary>A day worked from 09:00 for <paramref name="hours"/> hours plus a 1-hour lunch at 12:00.</summary>
    private static DailyHours Worked(string date, double hours, DayKind kind = DayKind.WorkDay, int scheduledMinutes = 480)
    {
        var start = At(date + " 09:00");
        return DailyClassifier.Classify(new ClockedDay(Day(date), kind, kind == DayKind.WorkDay ? scheduledMinutes : 0,
            [new ClockSpan(start, start.AddMinutes(Hours(hours) + 60))])
        {
            Breaks = [new ClockSpan(At(date + " 12:00"), At(date + " 13:00"))],
        });
    }

    // 2026-06-07 is a Sunday (the 法定休日 here); 06-08 … 06-12 Monday to Friday; 06-13 Saturday, a 所定休日.
    private static readonly string[] MondayToFriday = ["2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12"];

    [Fact]
    public void SixEightHourDays_TheSixthDaysHoursAreStatutoryOvertime()
    {
        var week = MondayToFriday.Select(d => Worked(d, 8)).Append(Worked("2026-06-13", 8, DayKind.ScheduledRestDay));

        var result = WeeklyOvertime.Apply(week);

        var saturday = result[^1];
        Assert.Equal((0, 480, 480), (saturday.NonStatutoryOvertimeMinutes, saturday.StatutoryOvertimeMinutes, saturday.WeeklyOvertimeMinutes));
        Assert.All(result.Take(5), d => Assert.Equal((480, 0), (d.WithinScheduledMinutes, d.StatutoryOvertimeMinutes)));
    }

    [Fact]
    public void DailyOvertime_IsNotCountedTwice()
    {
        // Monday to Thursday 10 h (2 h 法定外 each, daily), Friday 8 h: 40 h counted toward the week by Friday;
        // Saturday's 8 h are 法定外 by the week. 16 h 法定外 in all, not 24.
        var week = MondayToFriday.Select((d, i) => Worked(d, i < 4 ? 10 : 8)).Append(Worked("2026-06-13", 8, DayKind.ScheduledRestDay));

        var result = WeeklyOvertime.Apply(week);

        Assert.Equal(16 * 60, result.Sum(d => d.StatutoryOvertimeMinutes));
        Assert.Equal(8 * 60, result.Sum(d => d.WeeklyOvertimeMinutes));
    }

    [Fact]
    public void WeekCrossesFortyHoursMidDay_OnlyThePartBeyondBecomesStatutory()
    {
        // 所定 7 h Monday to Friday (35 h), then 8 h on Saturday: 3 h beyond 40, the other 5 stay 法定内残業.
        var week = MondayToFriday.Select(d => Worked(d, 7, scheduledMinutes: 420)).Append(Worked("2026-06-13", 8, DayKind.ScheduledRestDay));

        var saturday = WeeklyOvertime.Apply(week)[^1];

        Assert.Equal((300, 180), (saturday.NonStatutoryOvertimeMinutes, saturday.StatutoryOvertimeMinutes));
    }

    [Fact]
    public void StatutoryRestDayWork_DoesNotCountTowardTheWeek()
    {
        var week = MondayToFriday.Select(d => Worked(d, 8)).Prepend(Worked("2026-06-07", 8, DayKind.StatutoryRestDay));

        var result = WeeklyOvertime.Apply(week);

        Assert.Equal(0, result.Sum(d => d.StatutoryOvertimeMinutes));
        Assert.Equal(480, result[0].StatutoryRestDayWorkMinutes);
    }

    [Fact]
    public void WeekStart_DecidesWhichDaysShareAWeek()
    {
        // Six 8-hour days Wednesday 06-10 to Monday 06-15 (Sunday a 所定休日 here).
        var days = Enumerable.Range(0, 6)
            .Select(i => Day("2026-06-10").AddDays(i))
            .Select(d => Worked(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 8,
                d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.ScheduledRestDay : DayKind.WorkDay))
            .ToList();

        // Weeks from Sunday: Wed–Sat (32 h) and Sun–Mon (16 h) — nothing over 40.
        Assert.Equal(0, WeeklyOvertime.Apply(days).Sum(d => d.StatutoryOvertimeMinutes));
        // Weeks from Wednesday (週の起算日 in the 就業規則): all six in one week — Monday's 8 h are 法定外.
        var fromWednesday = WeeklyOvertime.Apply(days, DayOfWeek.Wednesday);
        Assert.Equal(480, fromWednesday[^1].StatutoryOvertimeMinutes);
        Assert.Equal(Day("2026-06-10"), WeeklyOvertime.WeekStartOf(Day("2026-06-15"), DayOfWeek.Wednesday));
        Assert.Equal(Day("2026-06-14"), WeeklyOvertime.WeekStartOf(Day("2026-06-15")));
    }

    [Fact]
    public void SpecialMeasureWorkplace_Has44HourWeek()
    {
        var week = MondayToFriday.Select(d => Worked(d, 8)).Append(Worked("2026-06-13", 8, DayKind.ScheduledRestDay));

        var saturday = WeeklyOvertime.Apply(week, standards: new LabourStandards { WeeklyLimitMinutes = 44 * 60 })[^1];

        Assert.Equal((240, 240), (saturday.NonStatutoryOvertimeMinutes, saturday.StatutoryOvertimeMinutes));
    }

    [Fact]
    public void Month_StatutoryOvertimeBeyond60Hours_IsReportedSeparately_RestDayWorkIsNot()
    {
        // June 2026 has 22 business days; 3 h 法定外 on each is 66 h: 6 h beyond 60 (paid at 50%).
        var calendar = new BusinessCalendar();
        var june = Enumerable.Range(0, 30).Select(i => Day("2026-06-01").AddDays(i)).ToList();
        var days = june.Where(calendar.IsBusinessDay)
            .Select(d => Worked(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 11))
            .Append(Worked("2026-06-14", 9, DayKind.StatutoryRestDay)) // a Sunday: 法定休日労働 is not in the 60 h
            .ToList();

        var month = MonthlyOvertime.Summarize(WeeklyOvertime.Apply(days));

        Assert.Equal(23, month.DaysWorked);
        Assert.Equal(66 * 60, month.StatutoryOvertimeMinutes);
        Assert.Equal((60 * 60, 6 * 60), (month.StatutoryOvertimeUpTo60Minutes, month.StatutoryOvertimeOver60Minutes));
        Assert.Equal(9 * 60, month.StatutoryRestDayWorkMinutes);
        Assert.Equal(22 * 480, month.WithinScheduledMinutes);
    }

    [Fact]
    public void Month_ScheduledRestDayOvertime_CountsTowardThe60Hours()
    {
        // 58 h of daily 法定外 plus a Saturday that the 40-hour week makes 法定外: the 60 h are passed by 6 h.
        var weekdays = MondayToFriday.Select(d => Worked(d, 8)).ToList();
        var saturday = Worked("2026-06-13", 8, DayKind.ScheduledRestDay);
        var earlier = new DailyHours(Day("2026-06-01"), DayKind.WorkDay) { WorkedMinutes = 58 * 60, StatutoryOvertimeMinutes = 58 * 60 };

        var month = MonthlyOvertime.Summarize(WeeklyOvertime.Apply([earlier, .. weekdays, saturday]));

        Assert.Equal(6 * 60, month.StatutoryOvertimeOver60Minutes);
    }
}
