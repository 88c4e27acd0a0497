using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Outbox;

/// <summary>
/// Delivers outbox messages to their <see cref="IDomainEventHandler{TEvent}"/>s. Messages are claimed with a
/// lease, so several nodes can run this at once; a message whose process died mid-way is picked up again
/// when the lease runs out (handlers must be idempotent).
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying.");
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers every message that is due; returns how many were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            List<Guid> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                batch = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.ProcessedAt == null && m.Attempts < MaxAttempts && (m.LockedUntil == null || m.LockedUntil < now))
                    .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
                    .Select(m => m.Id).Take(50).ToListAsync(cancellationToken);
            }
            if (batch.Count == 0)
            {
                return delivered;
            }
            foreach (var id in batch)
            {
                if (await DeliverAsync(id, cancellationToken))
                {
                    delivered++;
                }
            }
        }
    }

    private async Task<bool> DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            var type = Type.GetType(message.Type, throwOnError: true)!;
            var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(message.Payload, type, Audit.AuditTrail.Json)!;
            var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
            using (current.InCompany(message.CompanyId))
            {
                var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
                foreach (var handler in scope.ServiceProvider.GetServices(handlerType))
                {
                    await (Task)handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!
                        .Invoke(handler, [domainEvent, cancellationToken])!;
                }
                // What the handlers wrote through this scope's context commits together with "processed":
                // a handler's database work happens exactly once.
                message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
                message.LockedUntil = null;
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}.", message.Id, message.Type, message.Attempts + 1);
            db.ChangeTracker.Clear();
            message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
            message.Attempts++;
            message.LastError = ex.GetBaseException().Message;
            // Back off: 2, 4, 8… minutes after attempts 1, 2, 3…
            message.LockedUntil = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, Math.Min(message.Attempts, 10)));
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }
}
