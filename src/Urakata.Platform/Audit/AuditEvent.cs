namespace Urakata.Platform.Audit;

/// <summary>
/// One row of the append-only, per-company hash-chained audit log. <see cref="Hash"/> covers every
/// other column and the previous row's hash, so an edit, a deletion or a re-ordering is detected by
/// <c>urakata verify</c>.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary><see cref="Guid.Empty"/> for events outside any company (users, companies themselves).</summary>
    public Guid CompanyId { get; init; }
    public long Sequence { get; init; }
    public DateTime OccurredAt { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public string? IpAddress { get; init; }
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public AuditAction Action { get; init; }
    /// <summary>JSON array of {field, before, after}.</summary>
    public string Changes { get; init; } = "[]";
    public string? Reason { get; init; }
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    /// <summary>A read of protected data (salary, マイナンバー) or a denied cross-company access.</summary>
    Accessed,
}

/// <summary>The head of a company's chain: the last sequence and hash, locked while appending.</summary>
public sealed class AuditChainHead
{
    public Guid CompanyId { get; init; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}

/// <summary>A field-level change recorded in <see cref="AuditEvent.Changes"/>.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
