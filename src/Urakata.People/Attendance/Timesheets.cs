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
public sealed class Timesheets(UrakataDbContext db, ILeaveCalendar leave)
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
    public Task<List<TimesheetDto>> BuildAsync(IReadOnlyList<Employee> employees, DateOnly first, WorkRule rule, CancellationToken ct,
        IReadOnlyCollection<AttendanceDay>? unsaved = null) => BuildAsync(employees, first, rule, withClockTimes: true, unsaved, ct);

    /// <summary>
    /// As <see cref="BuildAsync(IReadOnlyList{Employee}, DateOnly, WorkRule, CancellationToken, IReadOnlyCollection{AttendanceDay}?)"/>
    /// but without each day's clock times and correction (the rows keep their kind, hours and warnings): what the
    /// department list, the close and the 36協定 history need, for many employees at once.
    /// </summary>
    public Task<List<TimesheetDto>> SummariesAsync(IReadOnlyList<Employee> employees, DateOnly first, WorkRule rule, CancellationToken ct) =>
        BuildAsync(employees, first, rule, withClockTimes: false, null, ct);

    private async Task<List<TimesheetDto>> BuildAsync(IReadOnlyList<Employee> employees, DateOnly first, WorkRule rule, bool withClockTimes,
        IReadOnlyCollection<AttendanceDay>? unsaved, CancellationToken ct)
    {
        var last = first.AddMonths(1).AddDays(-1);
        // The first week may begin in the month before: its earlier days count toward the 40 hours (WeeklyOvertime).
        var from = WeeklyOvertime.WeekStartOf(first, rule.WeekStart);
        var ids = employees.Select(e => e.Id).ToList();
        var stored = await SpansAsync(ids, from, last, ct);
        foreach (var day in unsaved ?? [])
        {
            if (day.Date >= from && day.Date <= last && stored.TryGetValue(day.EmployeeId, out var days))
            {
                days[day.Date] = [.. day.Spans.Select(s => s.ToRecord())];
            }
        }

        var closed = (await db.Set<AttendanceMonthTotals>().AsNoTracking().Where(t => ids.Contains(t.EmployeeId) && t.Month == first)
            .Select(t => t.EmployeeId).ToListAsync(ct)).ToHashSet();
        var corrections = (withClockTimes
                ? await db.Set<AttendanceCorrection>().AsNoTracking().Where(c => ids.Contains(c.EmployeeId) && c.Date >= first && c.Date <= last).ToListAsync(ct)
                : [])
            .GroupBy(c => (c.EmployeeId, c.Date)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ApprovedAt).Last());
        var approvers = corrections.Values.Select(c => c.ApprovedBy).OfType<Guid>().Distinct().ToList();
        var approverNames = approvers.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => approvers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        // Each employee's own rule and system (フレックス, 変形) with the earlier days and shifts it needs.
        var plans = await WorkingTimePlans.LoadAsync(db, this, leave, employees, first, from, rule, ct);
        var result = new List<TimesheetDto>(employees.Count);
        foreach (var employee in employees)
        {
            var records = stored[employee.Id];
            var plan = plans.For(employee);
            var scheduled = plan.MinutesPerDay;
            var (weekly, totals) = plan.Classify(records, first, last);
            var rows = new List<TimesheetDayDto>();
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                var kind = plan.KindOf(date);
                if (!weekly.TryGetValue(date, out var h))
                {
                    rows.Add(new TimesheetDayDto(date, kind, [], [], 0, 0, 0, 0, 0, 0, 0, 0, []));
                    continue;
                }

                var spans = withClockTimes ? records[date] : null;
                rows.Add(new TimesheetDayDto(date, kind, SpansOf(spans, SpanKind.Work), SpansOf(spans, SpanKind.Break),
                    h.WorkedMinutes, h.BreakMinutes, h.WithinScheduledMinutes, h.NonStatutoryOvertimeMinutes, h.StatutoryOvertimeMinutes,
                    h.WeeklyOvertimeMinutes, h.NightMinutes, h.StatutoryRestDayWorkMinutes, h.Warnings)
                {
                    ShortfallMinutes = h.ShortfallMinutes,
                    Correction = corrections.TryGetValue((employee.Id, date), out var c)
                        ? AttendanceCorrectionDto.From(c, c.ApprovedBy is { } by ? approverNames.GetValueOrDefault(by) : null)
                        : null,
                });
            }

            result.Add(new TimesheetDto(employee.Id, employee.Number, employee.Name, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), scheduled, rows, totals,
                rows.Sum(r => r.Warnings.Count(w => w.Kind == AttendanceWarningKind.MissingClockOut)),
                rows.Count(r => r.Warnings.Any(w => w.Kind == AttendanceWarningKind.BreakTooShort)), closed.Contains(employee.Id)));
        }

        return result;
    }

    /// <summary>
    /// The clock spans of the employees' dates from <paramref name="from"/> to <paramref name="last"/>, per employee and
    /// date, read as <see cref="SpanRecord"/>s rather than entities (a department's month is thousands of spans; a whole
    /// company's close, hundreds of thousands). The employees are asked for <see cref="IdsPerQuery"/> at a time, so a
    /// large company stays within the database's parameter limit.
    /// </summary>
    internal async Task<Dictionary<Guid, Dictionary<DateOnly, List<SpanRecord>>>> SpansAsync(List<Guid> ids, DateOnly from, DateOnly last, CancellationToken ct)
    {
        var result = ids.Distinct().ToDictionary(id => id, _ => new Dictionary<DateOnly, List<SpanRecord>>());
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            // Streamed rather than listed: a whole company's rows in one list would be a large-object-heap array per chunk.
            var rows = db.Set<AttendanceSpan>().AsNoTracking()
                .Where(s => chunk.Contains(s.EmployeeId) && s.Date >= from && s.Date <= last)
                .Select(s => new { s.EmployeeId, s.Date, s.Kind, s.StartUtc, s.EndUtc });
            await db.ForEachRowAsync(rows, row =>
            {
                var days = result[row.EmployeeId];
                if (!days.TryGetValue(row.Date, out var spans))
                {
                    // Most dates hold a work span and a break.
                    days[row.Date] = spans = new List<SpanRecord>(2);
                }

                spans.Add(new SpanRecord(row.Kind, row.StartUtc, row.EndUtc));
            }, ct);
        }

        return result;
    }

    /// <summary>Employees per query of <see cref="SpansAsync"/>: a parameter each on SQLite.</summary>
    private const int IdsPerQuery = 1000;

    private static IReadOnlyList<SpanDto> SpansOf(List<SpanRecord>? spans, SpanKind kind) =>
        spans is null ? [] : [.. spans.Where(s => s.Kind == kind).OrderBy(s => s.StartUtc).Select(ToSpan)];

    private static SpanDto ToSpan(SpanRecord s) => new(AttendanceBook.Offset(s.StartUtc), s.EndUtc is { } e ? AttendanceBook.Offset(e) : null);
}
