using Urakata.Platform.Data;

namespace Urakata.Platform.Audit;

/// <summary>
/// Writes an audit event that no tracked entity change produces: one row for a whole batch (a bulk journal import)
/// instead of one per record. It joins the current company's audit chain inside the caller's transaction, exactly as
/// the rows <see cref="UrakataDbContext.SaveChangesAsync(bool, CancellationToken)"/> writes.
/// </summary>
public sealed class AuditLog(UrakataDbContext db)
{
    /// <summary>Appends one event for <paramref name="entityType"/>/<paramref name="entityId"/> with the given fields as its changes.</summary>
    public Task<AuditEvent> RecordAsync(string entityType, string entityId, AuditAction action, IReadOnlyList<FieldChange> changes,
        CancellationToken cancellationToken = default) =>
        RecordAsync(entityType, entityId, action, changes, null, cancellationToken);

    /// <summary>
    /// The same with the reason the user gave, e.g. for a read of protected data (<see cref="AuditAction.Accessed"/>: why a
    /// マイナンバー was looked at).
    /// </summary>
    public async Task<AuditEvent> RecordAsync(string entityType, string entityId, AuditAction action, IReadOnlyList<FieldChange> changes,
        string? reason, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit event is recorded inside the transaction of the change it describes.");
        }
        var companyId = db.CurrentUser.RequireCompany();
        var pending = new AuditTrail.PendingEvent(companyId, entityType, entityId, action, changes, reason);
        var written = await AuditTrail.AppendAsync(db, [pending], db.Clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return written[0];
    }
}
