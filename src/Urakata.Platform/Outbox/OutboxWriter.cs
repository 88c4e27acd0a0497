using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Outbox;

/// <summary>Moves the domain events raised by tracked aggregates into outbox rows of the same transaction.</summary>
internal static class OutboxWriter
{
    public static List<OutboxMessage> Collect(ChangeTracker tracker, DateTime now, Guid currentCompany)
    {
        var messages = new List<OutboxMessage>();
        foreach (var entity in tracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList())
        {
            var companyId = entity is ICompanyOwned owned ? owned.CompanyId : currentCompany;
            foreach (var domainEvent in entity.DomainEvents)
            {
                var message = new OutboxMessage
                {
                    CompanyId = companyId,
                    Type = TypeName(domainEvent.GetType()),
                    Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Audit.AuditTrail.Json),
                    OccurredAt = now,
                };
                tracker.Context.Add(message);
                messages.Add(message);
            }
            entity.ClearDomainEvents();
        }
        return messages;
    }

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

/// <summary>Wakes the dispatcher as soon as a transaction with outbox rows commits (it also polls).</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Reacts to a domain event after the transaction that raised it has committed.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
