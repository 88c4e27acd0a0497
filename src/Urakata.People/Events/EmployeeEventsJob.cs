using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Events;

/// <summary>
/// Every morning (Japan time): applies the scheduled life events whose day has come — a 4月1日付 異動 recorded in March
/// changes the master and the org chart on April 1. Idempotent (an applied event is no longer scheduled); an event that
/// no longer fits the record (a 復職 for someone no longer on leave) stays scheduled, logged, for HR to cancel.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EmployeeEventsJob(UrakataDbContext db, CurrentUser currentUser, EmployeeEvents events, TimeProvider clock, ILogger<EmployeeEventsJob> logger) : IJob
{
    public static readonly JobKey Key = new("people.events");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public Task<int> RunAsync(CancellationToken ct = default) => RunAsync(clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>One pass over every company as at <paramref name="now"/> (UTC); returns how many events it applied.</summary>
    public async Task<int> RunAsync(DateTime now, CancellationToken ct = default)
    {
        var today = JapanTime.DateOf(now);
        List<(Guid Company, Guid Id)> due;
        using (currentUser.AsSystem("people-events"))
        {
            due = (await db.Set<EmployeeEvent>().AsNoTracking()
                .Where(e => e.State == EmployeeEventState.Scheduled
                    && (e.Kind == EmployeeEventKind.Retirement ? e.EffectiveOn < today : e.EffectiveOn <= today))
                .OrderBy(e => e.EffectiveOn).Select(e => new { e.CompanyId, e.Id }).ToListAsync(ct)).Select(e => (e.CompanyId, e.Id)).ToList();
        }

        var applied = 0;
        foreach (var company in due.GroupBy(d => d.Company))
        {
            using var _ = currentUser.InCompany(company.Key, null, "people-events");
            foreach (var (_, id) in company)
            {
                var recorded = await db.Set<EmployeeEvent>().SingleAsync(e => e.Id == id, ct);
                var employee = await db.Set<Employee>().SingleAsync(e => e.Id == recorded.EmployeeId, ct);
                try
                {
                    await events.ApplyAsync(recorded, employee, now, ct);
                    await db.SaveChangesAsync(ct);
                    applied++;
                }
                catch (DomainException ex)
                {
                    logger.LogWarning("Employee event {EventId} ({Kind} on {Date}) was not applied: {Reason}", id, recorded.Kind, recorded.EffectiveOn, ex.Message);
                }
                catch (DbUpdateConcurrencyException)
                {
                    logger.LogInformation("Employee event {EventId} changed during the pass; the next run looks again.", id);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        return applied;
    }
}
