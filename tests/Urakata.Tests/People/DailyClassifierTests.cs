using Urakata.People.Attendance;
using Urakata.Platform.Domain;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People;

/// <summary>One day's categories: reference §5.1 (8 h/day, 34条 breaks, 35条 rest days) and §5.2 (深夜 22:00–05:00, 法定休日).</summary>
public sealed class DailyClassifierTests
{
    private static DailyHours Classify(string date, DayKind kind, int scheduledMinutes, string[] work, params string[] breaks) =>
        DailyClassifier.Classify(new ClockedDay(Day(date), kind, scheduledMinutes, [.. work.Select(w => Span(date, w))])
        {
            Breaks = [.. breaks.Select(b => Span(date, b))],
        });

    /// <summary>
    /// "09:00-18:00" on <paramref name="date"/>; "+02:00" is on the next day, as is an end not after its start;
    /// "09:00-" has no clock-out.
    /// </summary>
    private static ClockSpan Span(string date, string range)
    {
        var parts = range.Split('-');
        DateTime Time(string t) => t.StartsWith('+') ? At(date + " " + t[1..]).AddDays(1) : At(date + " " + t);
        var start = Time(parts[0]);
        if (parts[1].Length == 0)
        {
            return new ClockSpan(start, null);
        }

        var end = Time(parts[1]);
        return new ClockSpan(start, end <= start ? end.AddDays(1) : end);
    }

    [Theory]
    // 所定 09:00–18:00 (8 h) with a 1-hour lunch.
    [InlineData("09:00-18:00", 480, 480, 0, 0)]
    [InlineData("09:00-16:00", 480, 360, 0, 0)]        // left early: 2 h short
    [InlineData("09:00-20:30", 480, 480, 0, 150)]      // beyond 8 h: 法定外
    // 所定 7.5 h (09:00–17:30): the next half hour is 法定内残業, beyond 8 h 法定外.
    [InlineData("09:00-17:30", 450, 450, 0, 0)]
    [InlineData("09:00-18:00", 450, 450, 30, 0)]
    [InlineData("09:00-20:00", 450, 450, 30, 120)]
    public void WorkDay_ScheduledThenNonStatutoryThenStatutoryOvertime(string work, int scheduled, int within, int nonStatutory, int statutory)
    {
        var day = Classify("2026-06-10", DayKind.WorkDay, scheduled, [work], "12:00-13:00");

        Assert.Equal((within, nonStatutory, statutory), (day.WithinScheduledMinutes, day.NonStatutoryOvertimeMinutes, day.StatutoryOvertimeMinutes));
        Assert.Equal(within + nonStatutory + statutory, day.WorkedMinutes);
        Assert.Equal(Math.Max(0, scheduled - day.WorkedMinutes), day.ShortfallMinutes);
        Assert.Equal(0, day.NightMinutes);
    }

    [Fact]
    public void ShiftCrossingMidnight_StaysOnItsWorkDate_WithStatutoryOvertimeAndNight()
    {
        // 所定 09:00–18:00, then on until 02:00: 8 h 所定内, 18:00–02:00 = 8 h 法定外, of which 22:00–02:00 = 4 h 深夜.
        var day = Classify("2026-06-10", DayKind.WorkDay, 480, ["09:00-02:00"], "12:00-13:00");

        Assert.Equal(Day("2026-06-10"), day.Date);
        Assert.Equal((960, 480, 0, 480), (day.WorkedMinutes, day.WithinScheduledMinutes, day.NonStatutoryOvertimeMinutes, day.StatutoryOvertimeMinutes));
        Assert.Equal(240, day.NightMinutes);
        Assert.Empty(day.Warnings);
    }

    [Fact]
    public void NightShift_NightCountedOnTop_BreakInTheNightIsNotNightWork()
    {
        // 22:00–07:00 with a break 02:00–03:00: 8 h worked, all 所定内; 深夜 22–02 and 03–05 = 6 h.
        var day = Classify("2026-06-10", DayKind.WorkDay, 480, ["22:00-07:00"], "+02:00-+03:00");

        Assert.Equal((480, 480, 0), (day.WorkedMinutes, day.WithinScheduledMinutes, day.StatutoryOvertimeMinutes));
        Assert.Equal(360, day.NightMinutes);
    }

    [Fact]
    public void EarlyMorningWork_IsNightUntilFive()
    {
        var day = Classify("2026-06-10", DayKind.WorkDay, 480, ["04:00-13:00"], "08:00-09:00");

        Assert.Equal(60, day.NightMinutes);
    }

    [Fact]
    public void ScheduledRestDay_First8HoursNonStatutory_ThenStatutory()
    {
        // 所定休日 work is not 休日労働 (§5.1): it is overtime — 法定内 up to 8 h (the week may still make it 法定外).
        var day = Classify("2026-06-13", DayKind.ScheduledRestDay, 0, ["09:00-20:00"], "12:00-13:00");

        Assert.Equal((0, 480, 120, 0), (day.WithinScheduledMinutes, day.NonStatutoryOvertimeMinutes, day.StatutoryOvertimeMinutes, day.StatutoryRestDayWorkMinutes));
        Assert.Equal(0, day.ShortfallMinutes);
    }

    [Fact]
    public void StatutoryRestDay_AllHoursAreRestDayWork_NoOvertimeEvenBeyond8Hours()
    {
        // §5.2: 法定休日 beyond 8 h is still 35% — no 時間外 on a statutory rest day; 深夜 on top.
        var day = Classify("2026-06-14", DayKind.StatutoryRestDay, 0, ["09:00-23:00"], "12:00-13:00");

        Assert.Equal(780, day.StatutoryRestDayWorkMinutes);
        Assert.Equal((0, 0, 0), (day.WithinScheduledMinutes, day.NonStatutoryOvertimeMinutes, day.StatutoryOvertimeMinutes));
        Assert.Equal(60, day.NightMinutes);
    }

    [Theory]
    // §5.1 (34条): > 6 h → 45 min; > 8 h → 60 min; exactly 6 h needs none, exactly 8 h needs 45.
    [InlineData("09:00-15:00", null, 0, 0)]
    [InlineData("09:00-15:01", null, 45, 0)]
    [InlineData("09:00-17:45", "12:00-12:45", 0, 0)]   // 8 h with 45 min
    [InlineData("09:00-17:46", "12:00-12:45", 60, 45)] // 8 h 1 min with 45 min
    [InlineData("09:00-18:00", "12:00-13:00", 0, 0)]
    [InlineData("09:00-16:30", "12:00-12:30", 45, 30)]
    public void LegalBreaks_ShortBreakIsAWarning(string work, string? lunch, int requiredIfShort, int given)
    {
        var day = Classify("2026-06-10", DayKind.WorkDay, 480, [work], lunch is null ? [] : [lunch]);

        if (requiredIfShort == 0)
        {
            Assert.Empty(day.Warnings);
        }
        else
        {
            Assert.Equal(new AttendanceWarning(AttendanceWarningKind.BreakTooShort, requiredIfShort, given), Assert.Single(day.Warnings));
        }
    }

    [Fact]
    public void ClockingOutForLunch_CountsAsTheBreak()
    {
        var day = Classify("2026-06-10", DayKind.WorkDay, 480, ["09:00-12:00", "13:00-18:00"]);

        Assert.Equal((480, 60), (day.WorkedMinutes, day.BreakMinutes));
        Assert.Empty(day.Warnings);
    }

    [Fact]
    public void MissingClockOut_IsFlagged_NotGuessed()
    {
        var day = Classify("2026-06-10", DayKind.WorkDay, 480, ["09:00-"]);

        Assert.Equal(0, day.WorkedMinutes);
        Assert.Equal(480, day.ShortfallMinutes);
        Assert.Equal(AttendanceWarningKind.MissingClockOut, Assert.Single(day.Warnings).Kind);
    }

    [Fact]
    public void Seconds_AreDropped()
    {
        var day = DailyClassifier.Classify(new ClockedDay(Day("2026-06-10"), DayKind.WorkDay, 480,
            [new ClockSpan(At("2026-06-10 09:00").AddSeconds(40), At("2026-06-10 17:00").AddSeconds(59))]));

        Assert.Equal(480, day.WorkedMinutes);
    }

    [Fact]
    public void OverlappingClockRecords_AreRefused()
    {
        var ex = Assert.Throws<DomainException>(() => InCulture("ja-JP", () => Classify("2026-06-10", DayKind.WorkDay, 480, ["09:00-13:00", "12:00-18:00"])));

        Assert.Equal("打刻の時間帯が重なっています（2026/06/10 12:00〜2026/06/10 13:00）。", ex.Message);
    }

    [Theory]
    [InlineData("08:00-08:30")] // before clock-in
    [InlineData("17:30-18:30")] // runs past clock-out
    public void BreakOutsideTheWorkingTime_IsRefused(string breakSpan)
    {
        Assert.Throws<DomainException>(() => Classify("2026-06-10", DayKind.WorkDay, 480, ["09:00-18:00"], breakSpan));
    }

    [Fact]
    public void ClockRecordsOfAnotherDate_AreRefused()
    {
        // Clocked on 06-10 but filed under 06-11.
        var ex = Assert.Throws<DomainException>(() => DailyClassifier.Classify(new ClockedDay(Day("2026-06-11"), DayKind.WorkDay, 480,
            [new ClockSpan(At("2026-06-10 09:00"), At("2026-06-10 18:00"))])));

        Assert.Equal("start", ex.Field);
    }

    [Fact]
    public void UtcTimes_AreAProgrammingError()
    {
        var utc = new DateTime(2026, 6, 10, 0, 0, 0, DateTimeKind.Utc);

        Assert.Throws<ArgumentException>(() => DailyClassifier.Classify(new ClockedDay(Day("2026-06-10"), DayKind.WorkDay, 480, [new ClockSpan(utc, utc.AddHours(8))])));
    }
}
