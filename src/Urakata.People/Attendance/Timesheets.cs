using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;

namespace Urakata.People.Attendance;

/// <summary>
/// Builds 勤務表: each day through <see cref="DailyClassifier"/>, then <see cref="WeeklyOvertime"/> (with the first week's
/// days of the month before), then <see cref="MonthlyOvertime"/>; with the day's approved correction and whether the
/// employee's month is closed. No rights are checked here: the callers (<see cref="AttendanceBook"/>, the close, the
/// 36協定 watch) have already chosen whose months to read.
/// </summary>
public sealed class Timesheets(UrakataDbContext db)
{
    /// <summary>The company's default work rule, made on first use (09:00–18:00, 60 min break, Sunday 法定休日, Saturday and holidays off).</summary>
    public async Task<WorkRule> DefaultRuleAsync(CancellationToken ct = default)
    {
        var rule = await db.Set<WorkRule>().Where(r => r.IsDefault).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (rule is null)
        {
            rule = new WorkRule("標準");
            db.Add(rule);
            await db.SaveChangesAsync(ct);
        }

        return rule;
    }

    /// <summary>
    /// The default work rule as stored, or the built-in default unsaved: for work that runs inside someone else's unit of
    /// work (an approval), which must not be saved early.
    /// </summary>
    public async Task<WorkRule> CurrentRuleAsync(CancellationToken ct = default) =>
        await db.Set<WorkRule>().AsNoTracking().Where(r => r.IsDefault).OrderBy(r => r.Id).FirstOrDefaultAsync(ct) ?? new WorkRule("標準");

    /// <summary>
    /// The 勤務表 of <paramref name="first"/>'s month for each employee, in the order given. <paramref name="unsaved"/>
    /// days stand in for the stored ones of their employee and date (a clock or a correction not yet saved).
    /// </summary>
    public async Task<List<TimesheetDto>> BuildAsync(IReadOnlyList<Employee> employees, DateOnly first, WorkRule rule, CancellationToken ct,
        IReadOnlyCollection<AttendanceDay>? unsaved = null)
    {
        var last = first.AddMonths(1).AddDays(-1);
        // The first week may begin in the month before: its earlier days count toward the 40 hours (WeeklyOvertime).
        var from = WeeklyOvertime.WeekStartOf(first, rule.WeekStart);
        var ids = employees.Select(e => e.Id).ToList();
        var stored = await db.Set<AttendanceDay>().AsNoTracking().Include(d => d.Spans)
            .Where(d => ids.Contains(d.EmployeeId) && d.Date >= from && d.Date <= last).ToListAsync(ct);
        if (unsaved is { Count: > 0 })
        {
            stored = [.. stored.Where(d => !unsaved.Any(u => u.EmployeeId == d.EmployeeId && u.Date == d.Date)),
                .. unsaved.Where(u => ids.Contains(u.EmployeeId) && u.Date >= from && u.Date <= last)];
        }
        var daysOff = (await db.CompanyHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= last).Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var closed = (await db.Set<AttendanceMonthTotals>().AsNoTracking().Where(t => ids.Contains(t.EmployeeId) && t.Month == first)
            .Select(t => t.EmployeeId).ToListAsync(ct)).ToHashSet();
        var corrections = (await db.Set<AttendanceCorrection>().AsNoTracking()
            .Where(c => ids.Contains(c.EmployeeId) && c.Date >= first && c.Date <= last).ToListAsync(ct))
            .GroupBy(c => (c.EmployeeId, c.Date)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ApprovedAt).Last());
        var approvers = corrections.Values.Select(c => c.ApprovedBy).OfType<Guid>().Distinct().ToList();
        var approverNames = await db.Users.AsNoTracking().Where(u => approvers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var byEmployee = stored.ToLookup(d => d.EmployeeId);
        var result = new List<TimesheetDto>(employees.Count);
        foreach (var employee in employees)
        {
            var records = byEmployee[employee.Id].ToDictionary(d => d.Date);
            var scheduled = Math.Min(employee.WorkMinutesPerDay ?? rule.ScheduledMinutes, rule.ScheduledMinutes);
            var classified = records.Values
                .Select(d => DailyClassifier.Classify(d.ToClockedDay(rule.KindOf(d.Date, daysOff), scheduled)))
                .ToList();
            var weekly = WeeklyOvertime.Apply(classified, rule.WeekStart).Where(d => d.Date >= first).ToDictionary(d => d.Date);
            var rows = new List<TimesheetDayDto>();
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                var kind = rule.KindOf(date, daysOff);
                if (!weekly.TryGetValue(date, out var h))
                {
                    rows.Add(new TimesheetDayDto(date, kind, [], [], 0, 0, 0, 0, 0, 0, 0, 0, []));
                    continue;
                }

                var spans = records[date].Spans;
                rows.Add(new TimesheetDayDto(date, kind,
                    [.. spans.Where(s => s.Kind == SpanKind.Work).OrderBy(s => s.StartUtc).Select(ToSpan)],
                    [.. spans.Where(s => s.Kind == SpanKind.Break).OrderBy(s => s.StartUtc).Select(ToSpan)],
                    h.WorkedMinutes, h.BreakMinutes, h.WithinScheduledMinutes, h.NonStatutoryOvertimeMinutes, h.StatutoryOvertimeMinutes,
                    h.WeeklyOvertimeMinutes, h.NightMinutes, h.StatutoryRestDayWorkMinutes, h.Warnings)
                {
                    ShortfallMinutes = h.ShortfallMinutes,
                    Correction = corrections.TryGetValue((employee.Id, date), out var c)
                        ? AttendanceCorrectionDto.From(c, c.ApprovedBy is { } by ? approverNames.GetValueOrDefault(by) : null)
                        : null,
                });
            }

            var totals = MonthlyOvertime.Summarize(weekly.Values);
            result.Add(new TimesheetDto(employee.Id, employee.Number, employee.Name, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), scheduled, rows, totals,
                rows.Sum(r => r.Warnings.Count(w => w.Kind == AttendanceWarningKind.MissingClockOut)),
                rows.Count(r => r.Warnings.Any(w => w.Kind == AttendanceWarningKind.BreakTooShort)), closed.Contains(employee.Id)));
        }

        return result;
    }

    private static SpanDto ToSpan(AttendanceSpan s) => new(AttendanceBook.Offset(s.StartUtc), s.EndUtc is { } e ? AttendanceBook.Offset(e) : null);
}
