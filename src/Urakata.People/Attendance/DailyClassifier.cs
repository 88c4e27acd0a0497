using Urakata.Platform.Domain;

namespace Urakata.People.Attendance;

/// <summary>
/// Classifies one work date's clock records by 労働基準法 (reference §5.1, §5.2): 所定内 up to the scheduled hours,
/// 法定内残業 up to 8 hours, 法定外残業 beyond; on the 法定休日 everything is 法定休日労働 (no 時間外 there); 深夜 on top.
/// Time counts to the minute (seconds dropped, nothing rounded — reference §5.1: only monthly totals may be rounded).
/// Overlapping records and breaks outside the working time are refused; a short break is a warning.
/// The 40-hour week is applied afterwards over the week's days (<see cref="WeeklyOvertime"/>).
/// </summary>
public static class DailyClassifier
{
    public static DailyHours Classify(ClockedDay day, LabourStandards? standards = null)
    {
        ArgumentNullException.ThrowIfNull(day);
        standards ??= LabourStandards.Statutory;

        // Beyond 8 scheduled hours a day needs a 変形労働時間制 (32条の2, 32条の4), which has rules of its own.
        ArgumentOutOfRangeException.ThrowIfNegative(day.ScheduledMinutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day.ScheduledMinutes, standards.DailyLimitMinutes);

        var warnings = new List<AttendanceWarning>();
        var work = Spans(day.Work, warnings);
        var breaks = Spans(day.Breaks, warnings);
        EnsureNoOverlap(work);
        EnsureNoOverlap(breaks);
        EnsureOnWorkDate(day.Date, work);
        foreach (var (start, end) in breaks)
        {
            if (!Inside(work, start, end))
            {
                throw new DomainException(
                    PeopleMessages.Format(PeopleMessages.BreakOutsideWork, PeopleMessages.Time(start), PeopleMessages.Time(end)), "breaks");
            }
        }

        // Loops rather than LINQ here and below: a department's month classifies thousands of days per page load.
        var worked = Subtract(work, breaks);
        var (workedMinutes, night) = (0, 0);
        foreach (var span in worked)
        {
            workedMinutes += Minutes(span);
            night += NightMinutes(span, standards);
        }

        var breakMinutes = 0;
        foreach (var span in breaks)
        {
            breakMinutes += Minutes(span);
        }

        for (var i = 1; i < work.Count; i++)
        {
            // The time between two work spans of the date is a break too.
            breakMinutes += (int)(work[i].Start - work[i - 1].End).TotalMinutes;
        }

        var requiredBreak = standards.RequiredBreakMinutes(workedMinutes);
        if (breakMinutes < requiredBreak)
        {
            // 34条: > 6 h → 45 min, > 8 h → 60 min.
            warnings.Add(new AttendanceWarning(AttendanceWarningKind.BreakTooShort, requiredBreak, breakMinutes));
        }

        var hours = new DailyHours(day.Date, day.Kind)
        {
            WorkedMinutes = workedMinutes,
            BreakMinutes = breakMinutes,
            NightMinutes = night,
            Warnings = warnings,
        };

        if (day.Kind == DayKind.StatutoryRestDay)
        {
            // 35条, 割増賃金令: every hour on the 法定休日 is 休日労働, also beyond 8 hours (reference §5.2).
            return hours with { StatutoryRestDayWorkMinutes = workedMinutes };
        }

        // A 所定休日 has no scheduled hours: its first 8 hours are 法定内 (toward the 40-hour week), the rest 法定外.
        var scheduled = day.Kind == DayKind.WorkDay ? day.ScheduledMinutes : 0;
        var within = Math.Min(workedMinutes, scheduled);
        var withinDailyLimit = Math.Min(workedMinutes, standards.DailyLimitMinutes);
        return hours with
        {
            WithinScheduledMinutes = within,
            NonStatutoryOvertimeMinutes = withinDailyLimit - within,
            StatutoryOvertimeMinutes = workedMinutes - withinDailyLimit,
            ShortfallMinutes = scheduled - within,
        };
    }

    private static List<(DateTime Start, DateTime End)> Spans(IEnumerable<ClockSpan> spans, List<AttendanceWarning> warnings)
    {
        var result = new List<(DateTime Start, DateTime End)>(spans.TryGetNonEnumeratedCount(out var count) ? count : 4);
        foreach (var span in spans)
        {
            if (span.End is not { } end)
            {
                warnings.Add(new AttendanceWarning(AttendanceWarningKind.MissingClockOut));
                continue;
            }

            var (s, e) = (ToMinute(span.Start), ToMinute(end));
            if (e <= s)
            {
                throw new DomainException(
                    PeopleMessages.Format(PeopleMessages.ClockEndBeforeStart, PeopleMessages.Time(s), PeopleMessages.Time(e)), "end");
            }

            result.Add((s, e));
        }

        result.Sort();
        return result;
    }

    private static void EnsureNoOverlap(List<(DateTime Start, DateTime End)> sorted)
    {
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new DomainException(
                    PeopleMessages.Format(PeopleMessages.ClockOverlap, PeopleMessages.Time(sorted[i].Start), PeopleMessages.Time(sorted[i - 1].End)),
                    "start");
            }
        }
    }

    private static void EnsureOnWorkDate(DateOnly date, List<(DateTime Start, DateTime End)> work)
    {
        if (work.Count == 0)
        {
            return;
        }

        var (first, last) = (work[0].Start, work.Max(w => w.End));
        if (DateOnly.FromDateTime(first) != date)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.WorkStartsOffDate, PeopleMessages.Time(first), PeopleMessages.Date(date)), "start");
        }

        if (last - first > TimeSpan.FromHours(24))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.WorkDayTooLong, PeopleMessages.Time(first), PeopleMessages.Time(last)), "end");
        }
    }

    /// <summary>Work spans with the breaks cut out (each break lies inside one span).</summary>
    private static List<(DateTime Start, DateTime End)> Subtract(List<(DateTime Start, DateTime End)> work, List<(DateTime Start, DateTime End)> breaks)
    {
        var result = new List<(DateTime Start, DateTime End)>(work.Count + breaks.Count);
        foreach (var (start, end) in work)
        {
            var cursor = start;
            foreach (var b in breaks)
            {
                if (b.Start < start || b.End > end)
                {
                    continue;
                }

                if (b.Start > cursor)
                {
                    result.Add((cursor, b.Start));
                }

                cursor = b.End;
            }

            if (end > cursor)
            {
                result.Add((cursor, end));
            }
        }

        return result;
    }

    private static bool Inside(List<(DateTime Start, DateTime End)> work, DateTime start, DateTime end)
    {
        foreach (var w in work)
        {
            if (w.Start <= start && end <= w.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Minutes of a span inside the night window of each calendar day it touches.</summary>
    private static int NightMinutes((DateTime Start, DateTime End) span, LabourStandards standards)
    {
        var minutes = 0;
        for (var day = DateOnly.FromDateTime(span.Start).AddDays(-1); day <= DateOnly.FromDateTime(span.End); day = day.AddDays(1))
        {
            var nightStart = day.ToDateTime(standards.NightStart);
            var nightEnd = (standards.NightEnd <= standards.NightStart ? day.AddDays(1) : day).ToDateTime(standards.NightEnd);
            var overlapStart = span.Start > nightStart ? span.Start : nightStart;
            var overlapEnd = span.End < nightEnd ? span.End : nightEnd;
            if (overlapEnd > overlapStart)
            {
                minutes += (int)(overlapEnd - overlapStart).TotalMinutes;
            }
        }

        return minutes;
    }

    private static int Minutes((DateTime Start, DateTime End) span) => (int)(span.End - span.Start).TotalMinutes;

    private static DateTime ToMinute(DateTime time)
    {
        if (time.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException("Clock times are Japan local times, not UTC (convert with JapanTime.Zone first).", nameof(time));
        }

        return new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), time.Kind);
    }
}
