using Microsoft.EntityFrameworkCore;
using Quartz;
using Urakata.Platform.Data;
using Urakata.Platform.Security;

namespace Urakata.Platform.Jobs;

/// <summary>
/// Nightly: deletes delivered outbox messages and idempotency keys older than the retention window, and expired sessions.
/// Idempotent — running it twice deletes nothing more.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(UrakataDbContext db, CurrentUser currentUser, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("platform.housekeeping");
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var _ = currentUser.AsSystem("housekeeping");
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.ExpiresAt != null && s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
