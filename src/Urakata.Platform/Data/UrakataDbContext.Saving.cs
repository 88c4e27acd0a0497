using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Audit;
using Urakata.Platform.Domain;
using Urakata.Platform.Outbox;

namespace Urakata.Platform.Data;

public sealed partial class UrakataDbContext
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var added = new List<object>();
        try
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            StampAndVersion();
            var changes = AuditTrail.Collect(ChangeTracker);
            added.AddRange(await AuditTrail.AppendAsync(this, changes, now, cancellationToken));
            added.AddRange(OutboxWriter.Collect(ChangeTracker, now, _currentUser.CompanyId ?? Guid.Empty));
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            if (added.OfType<OutboxMessage>().Any())
            {
                if (ownTransaction)
                {
                    _outboxSignal.Notify();
                }
                else
                {
                    _outboxPendingCommit = true;
                }
            }
            return count;
        }
        catch
        {
            // The audit rows and outbox messages belong to this attempt only: forget them so a retry
            // after a conflict does not write them twice.
            foreach (var row in added)
            {
                Entry(row).State = EntityState.Detached;
            }
            throw;
        }
    }

    private bool _outboxPendingCommit;

    /// <summary>Commits the caller's transaction and wakes the outbox dispatcher if events were written.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var tx = Database.CurrentTransaction ?? throw new InvalidOperationException("No transaction to commit.");
        await tx.CommitAsync(cancellationToken);
        if (_outboxPendingCommit)
        {
            _outboxPendingCommit = false;
            _outboxSignal.Notify();
        }
    }

    private void StampAndVersion()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only.");
            }
            if (entry.Entity is CompanyEntity owned)
            {
                StampCompany(entry, owned);
            }
            if (entry.Entity is Entity entity && entry.State == EntityState.Modified)
            {
                entity.Version = (int)entry.Property(nameof(Entity.Version)).OriginalValue! + 1;
            }
        }
    }

    private void StampCompany(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, CompanyEntity owned)
    {
        if (entry.State == EntityState.Added)
        {
            if (owned.CompanyId == Guid.Empty)
            {
                owned.CompanyId = _currentUser.RequireCompany();
            }
            else if (!_currentUser.AllCompanies && owned.CompanyId != _currentUser.CompanyId)
            {
                throw new InvalidOperationException("A record cannot be created in another company.");
            }
        }
        else if (entry.State == EntityState.Modified && entry.Property(nameof(CompanyEntity.CompanyId)).IsModified)
        {
            throw new InvalidOperationException("A record cannot move to another company.");
        }
    }

    /// <summary>Runs <paramref name="work"/> in the current transaction, or in a new one committed at the end.</summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }
        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await CommitAsync(cancellationToken);
        return result;
    }
}
