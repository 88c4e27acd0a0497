using Urakata.Platform.Domain;

namespace Urakata.People.Attendance.Systems;

/// <summary>One day of a 1か月単位の変形労働時間制: the scheduled minutes fixed in advance (0 on a day off) and the minutes worked (法定休日労働 left out).</summary>
public sealed record VariableDay(DateOnly Date, int ScheduledMinutes, int WorkedMinutes);

/// <summary>時間外 of a 変形 period by where it arose: (a) daily, (b) weekly, (c) over the period's cap.</summary>
public sealed record VariableOvertime(int DailyMinutes, int WeeklyMinutes, int PeriodMinutes)
{
    public int TotalMinutes => DailyMinutes + WeeklyMinutes + PeriodMinutes;
}

/// <summary>
/// 1か月単位の変形労働時間制 (労基法32条の2, reference §5): the schedule of a period of at most a month may exceed 8 h a day or
/// 40 h a week as long as its total stays within 40 h × 暦日数 ÷ 7 (31 days: 177.1 h). 時間外 is counted in three steps, each
/// leaving out what the earlier ones counted: (a) each day, over 8 h — or over the scheduled hours when more than 8 were
/// scheduled; (b) each week, over 40 h — or over the scheduled hours when more than 40 were scheduled; (c) the period, over
/// the cap. Weeks run from <c>weekStart</c>; a week cut by the period's start or end is judged on the period's days in it
/// only by step (c) (the common reading; the reference is silent on partial weeks, see README).
/// </summary>
public static class MonthlyVariableSchedule
{
    /// <summary>40 h × days ÷ 7 in whole minutes (rounded down, so the worker never loses a fraction): 28 days 9,600, 31 days 10,628.</summary>
    public static int CapMinutes(int days) => FlexTime.TotalFrameMinutes(days);

    /// <summary>Refuses a schedule whose total passes the cap, or a period longer than a month.</summary>
    public static void CheckSchedule(IReadOnlyList<VariableDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return;
        }

        var first = days.Min(d => d.Date);
        var count = days.Max(d => d.Date).DayNumber - first.DayNumber + 1;
        if (count > 31 || days.Max(d => d.Date) >= first.AddMonths(1))
        {
            throw new DomainException(PeopleMessages.VariablePeriodTooLong, "days");
        }

        var scheduled = days.Sum(d => d.ScheduledMinutes);
        if (scheduled > CapMinutes(count))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.VariableScheduleOverCap,
                AttendanceFormat.Hours(scheduled), AttendanceFormat.Hours(CapMinutes(count)), count), "days");
        }
    }

    /// <param name="days">Every day of the period, in any order (a day without work has 0 worked minutes).</param>
    public static VariableOvertime Overtime(IReadOnlyList<VariableDay> days, DayOfWeek weekStart = DayOfWeek.Sunday, LabourStandards? standards = null)
    {
        CheckSchedule(days);
        standards ??= LabourStandards.Statutory;
        var ordered = days.OrderBy(d => d.Date).ToList();
        if (ordered.Count == 0)
        {
            return new VariableOvertime(0, 0, 0);
        }

        // (a) Daily: over the larger of 8 h and the day's schedule.
        var daily = ordered.ToDictionary(d => d.Date, d => Math.Max(0, d.WorkedMinutes - Math.Max(standards.DailyLimitMinutes, d.ScheduledMinutes)));

        // (b) Weekly, whole weeks inside the period: over the larger of 40 h and the week's schedule, daily overtime left out.
        var periodStart = ordered[0].Date;
        var periodEnd = ordered[^1].Date;
        var weekly = 0;
        foreach (var week in ordered.GroupBy(d => WeeklyOvertime.WeekStartOf(d.Date, weekStart)))
        {
            if (week.Key < periodStart || week.Key.AddDays(6) > periodEnd)
            {
                continue;
            }

            var worked = week.Sum(d => d.WorkedMinutes - daily[d.Date]);
            weekly += Math.Max(0, worked - Math.Max(standards.WeeklyLimitMinutes, week.Sum(d => d.ScheduledMinutes)));
        }

        // (c) The period: over the cap, less (a) and (b).
        var dailyTotal = daily.Values.Sum();
        var total = ordered.Sum(d => d.WorkedMinutes);
        var period = Math.Max(0, total - dailyTotal - weekly - CapMinutes(ordered.Count));
        return new VariableOvertime(dailyTotal, weekly, period);
    }
}
