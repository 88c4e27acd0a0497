using System.Globalization;

namespace Urakata.People.Attendance;

/// <summary>
/// The 40-hour week (労基法32条1項, reference §5.1): in each week, counted from the work rule's 週の起算日 (Sunday unless
/// the 就業規則 says otherwise), the hours that are not already daily 法定外 and not 法定休日労働 are added up day by day;
/// once they pass 40 hours, the rest of them is 法定外 too — on the day it happens, later hours of that day first
/// (法定内残業 before 所定内). Six 8-hour days after a Sunday off: the sixth day's 8 hours are 法定外.
/// </summary>
public static class WeeklyOvertime
{
    /// <summary>The first day of the week holding <paramref name="date"/>.</summary>
    public static DateOnly WeekStartOf(DateOnly date, DayOfWeek weekStart = DayOfWeek.Sunday) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7));

    /// <summary>
    /// Applies the weekly limit to classified days, returned in date order. A week is judged on the days given: to
    /// close a month whose first week began in the month before, pass that week's earlier days too (from
    /// <see cref="WeekStartOf"/>) and keep only the month's days from the answer.
    /// </summary>
    public static IReadOnlyList<DailyHours> Apply(IEnumerable<DailyHours> days, DayOfWeek weekStart = DayOfWeek.Sunday, LabourStandards? standards = null)
    {
        standards ??= LabourStandards.Statutory;
        var ordered = days.OrderBy(d => d.Date).ToList();
        var duplicate = ordered.Zip(ordered.Skip(1)).FirstOrDefault(p => p.First.Date == p.Second.Date);
        if (duplicate.First is not null)
        {
            throw new ArgumentException(duplicate.First.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " is given twice.", nameof(days));
        }

        var result = new List<DailyHours>(ordered.Count);
        foreach (var week in ordered.GroupBy(d => WeekStartOf(d.Date, weekStart)))
        {
            var counted = 0;
            foreach (var day in week)
            {
                var dayCounted = day.WithinScheduledMinutes + day.NonStatutoryOvertimeMinutes;
                var over = Math.Min(dayCounted, Math.Max(0, counted + dayCounted - standards.WeeklyLimitMinutes));
                counted += dayCounted;
                if (over == 0)
                {
                    result.Add(day);
                    continue;
                }

                var fromNonStatutory = Math.Min(over, day.NonStatutoryOvertimeMinutes);
                result.Add(day with
                {
                    NonStatutoryOvertimeMinutes = day.NonStatutoryOvertimeMinutes - fromNonStatutory,
                    WithinScheduledMinutes = day.WithinScheduledMinutes - (over - fromNonStatutory),
                    StatutoryOvertimeMinutes = day.StatutoryOvertimeMinutes + over,
                    WeeklyOvertimeMinutes = day.WeeklyOvertimeMinutes + over,
                });
            }
        }

        return result;
    }
}
