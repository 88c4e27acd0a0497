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
/// (<see cref="AttendanceRateRule"/>) over the period's attendance records and leave is known. A failed test is kept as
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
        var rule = await attendance.DefaultRuleAsync(ct);
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
        var daysOff = (await db.CompanyHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= through).Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var workDays = new HashSet<DateOnly>();
        for (var d = from; d <= through; d = d.AddDays(1))
        {
            if (rule.KindOf(d, daysOff) == DayKind.WorkDay)
            {
                workDays.Add(d);
            }
        }

        var granted = 0;
        foreach (var chunk in due.Chunk(Chunk))
        {
            var ids = chunk.Select(d => d.Employee.Id).ToList();
            var worked = (await db.Set<AttendanceDay>().AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && a.Date >= from && a.Date < through)
                .Select(a => new { a.EmployeeId, a.Date }).ToListAsync(ct)).ToLookup(a => a.EmployeeId, a => a.Date);
            var leave = (await db.Set<TakenLeave>().AsNoTracking().Where(t => ids.Contains(t.EmployeeId) && t.Date >= from && t.Date < through && t.Unit != LeaveUnit.Hours)
                .Select(t => new { t.EmployeeId, t.Date, t.LeaveTypeId }).ToListAsync(ct)).ToLookup(t => t.EmployeeId);
            foreach (var (employee, scheduled) in chunk)
            {
                var rate = Rate(scheduled, workDays, worked[employee.Id].ToHashSet(),
                    leave[employee.Id].GroupBy(t => t.Date).ToDictionary(g => g.Key, g => types[g.First().LeaveTypeId].Treatment));
                var work = employee.ScheduledWork() ?? new ScheduledWork(5 * rule.ScheduledMinutes, 5);
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
    /// 8割 over the grant's period: 所定労働日 with a clock record are worked; a work day without one but with leave counts
    /// by the leave type's treatment; the part of the period cut off by granting early is attended (通達 平6.1.4 基発1号).
    /// </summary>
    internal static AttendanceRate Rate(ScheduledGrant grant, IReadOnlySet<DateOnly> workDays, IReadOnlySet<DateOnly> worked, IReadOnlyDictionary<DateOnly, AttendanceTreatment> leave)
    {
        int scheduled = 0, days = 0, attendedLeave = 0, excludedLeave = 0, deemed = 0;
        for (var d = grant.AttendanceFrom; d < grant.GrantDate; d = d.AddDays(1))
        {
            if (!workDays.Contains(d))
            {
                continue;
            }
            scheduled++;
            if (worked.Contains(d))
            {
                days++;
            }
            else if (leave.TryGetValue(d, out var treatment))
            {
                attendedLeave += treatment == AttendanceTreatment.Attended ? 1 : 0;
                excludedLeave += treatment == AttendanceTreatment.Excluded ? 1 : 0;
            }
        }
        for (var d = grant.GrantDate; grant.DeemedAttendedThrough is { } end && d <= end; d = d.AddDays(1))
        {
            deemed += workDays.Contains(d) ? 1 : 0;
        }
        // The leave type's treatment goes in under the statutory reason treated the same way (leave taken: attended;
        // a day that is not a 全労働日: excluded, as an employer-caused day is).
        return AttendanceRateRule.Compute(new AttendanceRateInput(scheduled, days)
        {
            NonWorkDays = new Dictionary<NonWorkReason, int> { [NonWorkReason.PaidLeave] = attendedLeave, [NonWorkReason.EmployerCaused] = excludedLeave },
            DeemedAttendedDays = deemed,
        });
    }
}
