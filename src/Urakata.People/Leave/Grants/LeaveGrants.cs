using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;

namespace Urakata.People.Leave.Grants;

/// <summary>
/// The daily grant of 年次有給休暇 for the current company: each employee in service whose latest scheduled grant
/// (<see cref="GrantSchedule"/>, with the company's 基準日) is due and not recorded gets it, its days from
/// <see cref="PaidLeaveGrantRules"/> (full or 比例付与 from the employee's 所定労働) once the 8割 test
/// (<see cref="AttendanceRateRule"/>) over the period's attendance records and leave is known, on the employee's own
/// 所定労働日 (their work rule's, under 変形 their シフト: <see cref="WorkingTimePlans"/>). A failed test is kept as
/// a grant of 0 days so it is decided once. Set-based: a handful of queries for the whole company, whatever its size.
/// <para>The job starts with an employee's first grant, or continues from a recorded one: an employee past the first
/// grant with nothing recorded is a company moving in, whose balance HR enters (<see cref="GrantSource.OpeningBalance"/>);
/// the job does not invent the years before it from attendance it never saw.</para>
/// </summary>
public sealed class LeaveGrants(UrakataDbContext db, LeaveBook book, AttendanceBook attendance, ILogger<LeaveGrants> logger)
{
    /// <summary>Ids per query: keeps <c>IN (…)</c> lists well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int Chunk = 500;

    /// <summary>Grants what is due on <paramref name="today"/>; returns how many grants (0-day ones included) it recorded.</summary>
    public async Task<int> GrantDueAsync(DateOnly today, CancellationToken ct = default)
    {
        var settings = await book.SettingsAsync(ct);
        var types = (await book.TypesAsync(ct)).ToDictionary(t => t.Id);
        var employees = await db.Set<Employee>().AsNoTracking()
            .Where(e => e.Status != EmployeeStatus.Retired && e.HireDate <= today && (e.RetirementDate == null || e.RetirementDate >= today))
            .ToListAsync(ct);
        var latest = await db.Set<LeaveGrant>().AsNoTracking().GroupBy(g => g.EmployeeId)
            .Select(g => new { EmployeeId = g.Key, Last = g.Max(x => x.GrantDate) }).ToDictionaryAsync(g => g.EmployeeId, g => g.Last, ct);

        var due = new List<(Employee Employee, ScheduledGrant Grant)>();
        foreach (var employee in employees)
        {
            var schedule = GrantSchedule.For(employee.HireDate, today, settings.Uniform);
            if (schedule.Count == 0)
            {
                continue;
            }
            var next = schedule[^1];
            var recorded = latest.TryGetValue(employee.Id, out var last);
            if ((recorded && next.GrantDate <= last) || (!recorded && next.Number > 1))
            {
                continue;
            }
            due.Add((employee, next));
        }
        if (due.Count == 0)
        {
            return 0;
        }

        var from = due.Min(d => d.Grant.AttendanceFrom);
        var through = due.Max(d => d.Grant.DeemedAttendedThrough ?? d.Grant.GrantDate);
        var granted = 0;
        foreach (var chunk in due.Chunk(Chunk))
        {
            // 全労働日 are each employee's own: their work rule's days, under 変形 their シフト (as the 勤務表 reads them).
            var plans = await attendance.SchedulesAsync([.. chunk.Select(d => d.Employee)], from, through, save: true, ct);
            var workDays = chunk.ToDictionary(d => d.Employee.Id, d => plans.For(d.Employee).WorkDays(from, through.AddDays(1)));
            var worked = new Dictionary<Guid, int>();
            var variable = chunk.ToLookup(d => plans.RuleOf(d.Employee).TimeSystem == WorkingTimeSystem.MonthlyVariable);
            // Counted in SQL per 8割 period and rule (employees due on one day share a handful of periods, and everyone
            // under a rule without シフト shares its days): work days with a record.
            foreach (var period in variable[false].GroupBy(d => (d.Grant.AttendanceFrom, d.Grant.GrantDate, plans.RuleOf(d.Employee).Id)))
            {
                var (start, end, _) = period.Key;
                var ids = period.Select(d => d.Employee.Id).ToList();
                var days = workDays[ids[0]];
                var restDays = Days(start, end).Where(d => !days.Contains(d)).ToList();
                foreach (var row in await db.Set<AttendanceDay>().AsNoTracking()
                    .Where(a => ids.Contains(a.EmployeeId) && a.Date >= start && a.Date < end && !restDays.Contains(a.Date))
                    .GroupBy(a => a.EmployeeId).Select(g => new { g.Key, Days = g.Count() }).ToListAsync(ct))
                {
                    worked[row.Key] = row.Days;
                }
            }
            // Under 変形 each employee's シフト decide: their record dates of the period are read and matched in memory.
            foreach (var period in variable[true].GroupBy(d => (d.Grant.AttendanceFrom, d.Grant.GrantDate)))
            {
                var (start, end) = period.Key;
                var ids = period.Select(d => d.Employee.Id).ToList();
                foreach (var row in await db.Set<AttendanceDay>().AsNoTracking()
                    .Where(a => ids.Contains(a.EmployeeId) && a.Date >= start && a.Date < end).Select(a => new { a.EmployeeId, a.Date }).ToListAsync(ct))
                {
                    worked[row.EmployeeId] = worked.GetValueOrDefault(row.EmployeeId) + (workDays[row.EmployeeId].Contains(row.Date) ? 1 : 0);
                }
            }
            // Leave on work days without a record counts by its type; only those few dates are read row by row.
            var chunkIds = chunk.Select(d => d.Employee.Id).ToList();
            var leave = await db.Set<TakenLeave>().AsNoTracking()
                .Where(t => chunkIds.Contains(t.EmployeeId) && t.Date >= from && t.Date < through && t.Unit != LeaveUnit.Hours && t.CancelledAt == null)
                .Select(t => new { t.EmployeeId, t.Date, t.LeaveTypeId }).ToListAsync(ct);
            var leaveIds = leave.Select(t => t.EmployeeId).Distinct().ToList();
            var leaveDates = leave.Select(t => t.Date).Distinct().ToList();
            var workedOnLeaveDates = leave.Count == 0 ? [] : (await db.Set<AttendanceDay>().AsNoTracking()
                .Where(a => leaveIds.Contains(a.EmployeeId) && leaveDates.Contains(a.Date))
                .Select(a => new { a.EmployeeId, a.Date }).ToListAsync(ct)).Select(a => (a.EmployeeId, a.Date)).ToHashSet();
            var leaveByEmployee = leave.Where(t => !workedOnLeaveDates.Contains((t.EmployeeId, t.Date))).ToLookup(t => t.EmployeeId);
            foreach (var (employee, scheduled) in chunk)
            {
                var rate = Rate(scheduled, workDays[employee.Id], worked.GetValueOrDefault(employee.Id),
                    leaveByEmployee[employee.Id].GroupBy(t => t.Date).ToDictionary(g => g.Key, g => types[g.First().LeaveTypeId].Treatment));
                var work = employee.ScheduledWork() ?? new ScheduledWork(5 * plans.RuleOf(employee).ScheduledMinutes, 5);
                db.Add(LeaveGrant.Auto(employee.Id, scheduled, PaidLeaveGrantRules.DaysToGrant(work, scheduled.Number, rate), rate));
                granted++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Another node ran the same pass (the unique employee + grant date index): what it wrote stands.
                db.ChangeTracker.Clear();
                logger.LogInformation(ex, "Leave grants already recorded by another run; skipped a batch.");
                granted -= chunk.Length;
            }
        }
        return granted;
    }

    /// <summary>
    /// 8割 over the grant's period: the 所定労働日 with a clock record (<paramref name="worked"/>, counted by the caller)
    /// are worked; a work day without one but with leave (<paramref name="leaveWithoutWork"/>) counts by the leave type's
    /// treatment; the part of the period cut off by granting early is attended (通達 平6.1.4 基発1号).
    /// </summary>
    internal static AttendanceRate Rate(ScheduledGrant grant, IReadOnlySet<DateOnly> workDays, int worked, IReadOnlyDictionary<DateOnly, AttendanceTreatment> leaveWithoutWork)
    {
        var scheduled = Days(grant.AttendanceFrom, grant.GrantDate).Count(workDays.Contains);
        var inPeriod = leaveWithoutWork.Where(l => l.Key >= grant.AttendanceFrom && l.Key < grant.GrantDate && workDays.Contains(l.Key)).Select(l => l.Value).ToList();
        var attendedLeave = inPeriod.Count(t => t == AttendanceTreatment.Attended);
        var excludedLeave = inPeriod.Count(t => t == AttendanceTreatment.Excluded);
        var deemed = grant.DeemedAttendedThrough is { } through ? Days(grant.GrantDate, through.AddDays(1)).Count(workDays.Contains) : 0;
        // The leave type's treatment goes in under the statutory reason treated the same way (leave taken: attended;
        // a day that is not a 全労働日: excluded, as an employer-caused day is).
        return AttendanceRateRule.Compute(new AttendanceRateInput(scheduled, worked)
        {
            NonWorkDays = new Dictionary<NonWorkReason, int> { [NonWorkReason.PaidLeave] = attendedLeave, [NonWorkReason.EmployerCaused] = excludedLeave },
            DeemedAttendedDays = deemed,
        });
    }

    /// <summary>Dates from <paramref name="from"/> up to, not including, <paramref name="until"/>.</summary>
    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly until) =>
        Enumerable.Range(0, Math.Max(0, until.DayNumber - from.DayNumber)).Select(from.AddDays);
}
