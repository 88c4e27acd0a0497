using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Attendance;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;

namespace Urakata.People.Demo;

/// <summary>
/// Clock records for the demo: every work day of the previous month and of this month up to yesterday, clocked through
/// <see cref="AttendanceDay.Clock"/> like the web card. Full-timers 09:00–18:00 with a lunch break and some overtime
/// (one of them enough to show the 36協定 levels), part-timers three days a week; today is left for the visitor to clock.
/// </summary>
internal static class AttendanceDemo
{
    /// <summary>Set <c>Demo:History</c> to <c>false</c> for a demo company without past activity (the tests start from empty timesheets).</summary>
    public const string HistorySetting = "Demo:History";

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<(Guid Id, bool PartTime)> employees, CancellationToken ct)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue(HistorySetting, true))
        {
            return;
        }

        var db = services.GetRequiredService<UrakataDbContext>();
        var rule = await services.GetRequiredService<AttendanceBook>().DefaultRuleAsync(ct);
        var today = JapanTime.Today(services.GetRequiredService<TimeProvider>());
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var noDaysOff = new HashSet<DateOnly>();
        for (var i = 0; i < employees.Count; i++)
        {
            var (employeeId, partTime) = employees[i];
            for (var date = first; date < today; date = date.AddDays(1))
            {
                if (rule.KindOf(date, noDaysOff) != DayKind.WorkDay
                    || (partTime && date.DayOfWeek is not (DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)))
                {
                    continue;
                }

                var day = new AttendanceDay(employeeId, date);
                var start = partTime ? new TimeOnly(10, 0) : new TimeOnly(8, 50).AddMinutes(i % 3 * 4);
                // 0–75 minutes of overtime a day by person and date; the third employee works late most days (≈ 2.5 h).
                var overtime = i == 2 ? 140 + (date.Day % 4 * 5) : (i % 4 * 15) + (date.Day % 3 * 5);
                var end = partTime ? new TimeOnly(17, 0) : new TimeOnly(18, 0).AddMinutes(overtime);
                day.Clock(ClockKind.In, Utc(date, start));
                day.Clock(ClockKind.BreakStart, Utc(date, new TimeOnly(12, 0)));
                day.Clock(ClockKind.BreakEnd, Utc(date, new TimeOnly(13, 0)));
                day.Clock(ClockKind.Out, Utc(date, end));
                db.Add(day);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static DateTime Utc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), JapanTime.Zone);
}
