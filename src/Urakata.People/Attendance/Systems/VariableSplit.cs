namespace Urakata.People.Attendance.Systems;

/// <summary>How one day of a 変形 period is paid: 所定内, 法定内残業 and 時間外 by the step that found it.</summary>
public sealed record VariableDaySplit(DateOnly Date, int WithinScheduledMinutes, int NonStatutoryMinutes, int DailyMinutes, int WeeklyMinutes, int PeriodMinutes)
{
    public int StatutoryOvertimeMinutes => DailyMinutes + WeeklyMinutes + PeriodMinutes;
}

/// <summary>
/// The three steps of <see cref="MonthlyVariableSchedule.Overtime"/> day by day, for the 勤務表: (a) each day over the larger of
/// 8 h and its schedule; (b) in each whole week of the period, the hours (less (a)) past the larger of 40 h and the week's
/// schedule, on the day the week passes it, the day's 法定内残業 first (as <see cref="WeeklyOvertime"/> does); (c) when the
/// period is settled, the hours past the cap less (a) and (b), taken from the 法定内残業 of the last days back to
/// <c>settleFrom</c> (the first day of the month the period ends in). The totals equal those of
/// <see cref="MonthlyVariableSchedule.Overtime"/>. Hours of (c) that only an earlier month still holds as 法定内 — already
/// paid there at the base rate — are added to the period's last day as 時間外 (its premium is owed now).
/// </summary>
public static class VariableSplit
{
    /// <param name="days">Every day of the period (scheduled minutes, worked minutes without 法定休日労働); days still to come have 0 worked.</param>
    /// <param name="settleFrom">The first date step (c) may take from; null while the period is still running (no step (c)).</param>
    public static IReadOnlyDictionary<DateOnly, VariableDaySplit> Split(IReadOnlyList<VariableDay> days, DayOfWeek weekStart, DateOnly? settleFrom,
        LabourStandards? standards = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        standards ??= LabourStandards.Statutory;
        var ordered = days.OrderBy(d => d.Date).ToList();
        var result = new Dictionary<DateOnly, VariableDaySplit>(ordered.Count);
        foreach (var d in ordered)
        {
            var daily = Math.Max(0, d.WorkedMinutes - Math.Max(standards.DailyLimitMinutes, d.ScheduledMinutes));
            var within = Math.Min(d.WorkedMinutes, d.ScheduledMinutes);
            result[d.Date] = new VariableDaySplit(d.Date, within, d.WorkedMinutes - within - daily, daily, 0, 0);
        }

        if (ordered.Count == 0)
        {
            return result;
        }

        var (periodStart, periodEnd) = (ordered[0].Date, ordered[^1].Date);
        foreach (var week in ordered.GroupBy(d => WeeklyOvertime.WeekStartOf(d.Date, weekStart)))
        {
            if (week.Key < periodStart || week.Key.AddDays(6) > periodEnd)
            {
                continue;
            }

            var limit = Math.Max(standards.WeeklyLimitMinutes, week.Sum(d => d.ScheduledMinutes));
            var counted = 0;
            foreach (var d in week)
            {
                var s = result[d.Date];
                var dayCounted = s.WithinScheduledMinutes + s.NonStatutoryMinutes;
                var over = Math.Min(dayCounted, Math.Max(0, counted + dayCounted - limit));
                counted += dayCounted;
                if (over > 0)
                {
                    var fromNonStatutory = Math.Min(over, s.NonStatutoryMinutes);
                    result[d.Date] = s with
                    {
                        NonStatutoryMinutes = s.NonStatutoryMinutes - fromNonStatutory,
                        WithinScheduledMinutes = s.WithinScheduledMinutes - (over - fromNonStatutory),
                        WeeklyMinutes = over,
                    };
                }
            }
        }

        if (settleFrom is not { } from)
        {
            return result;
        }

        var total = ordered.Sum(d => d.WorkedMinutes);
        var counted1 = result.Values.Sum(s => s.DailyMinutes + s.WeeklyMinutes);
        var period = Math.Max(0, total - counted1 - MonthlyVariableSchedule.CapMinutes(ordered.Count));
        for (var i = ordered.Count - 1; i >= 0 && period > 0 && ordered[i].Date >= from; i--)
        {
            var s = result[ordered[i].Date];
            var take = Math.Min(period, s.NonStatutoryMinutes);
            result[s.Date] = s with { NonStatutoryMinutes = s.NonStatutoryMinutes - take, PeriodMinutes = take };
            period -= take;
        }

        if (period > 0)
        {
            var last = result[periodEnd];
            result[periodEnd] = last with { PeriodMinutes = last.PeriodMinutes + period };
        }

        return result;
    }
}
