using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Urakata.People.Employees;
using Urakata.People.Leave.FiveDays;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Leave.Grants;

/// <summary>
/// Every morning (05:00 Japan time): for each company with employees, the 年次有給休暇 grants that fell due
/// (<see cref="LeaveGrants"/>), then the 年5日 reminders (<see cref="FiveDayAlerts"/>). Idempotent: a grant is unique per
/// employee and date and a reminder is recorded once per duty, so a second run (or a second node) adds nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class LeaveJob(UrakataDbContext db, CurrentUser currentUser, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LeaveJob> logger) : IJob
{
    public static readonly JobKey Key = new("people.leave");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>One pass over every company; returns the grants and reminders it recorded.</summary>
    public async Task<(int Grants, int Reminders)> RunAsync(CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        List<Guid> companies;
        using (currentUser.AsSystem("people-leave"))
        {
            companies = await db.Set<Employee>().Select(e => e.CompanyId).Distinct().ToListAsync(ct);
        }
        int grants = 0, reminders = 0;
        foreach (var company in companies)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().InCompany(company, null, "people-leave");
            grants += await scope.ServiceProvider.GetRequiredService<LeaveGrants>().GrantDueAsync(today, ct);
            reminders += await scope.ServiceProvider.GetRequiredService<FiveDayAlerts>().NotifyAsync(today, ct);
        }
        if (grants + reminders > 0)
        {
            logger.LogInformation("Recorded {Grants} paid-leave grants and sent {Reminders} 年5日 reminders.", grants, reminders);
        }
        return (grants, reminders);
    }
}
