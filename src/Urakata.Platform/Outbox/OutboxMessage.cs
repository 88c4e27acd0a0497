namespace Urakata.Platform.Outbox;

/// <summary>A domain event written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CompanyId { get; init; }
    public string Type { get; init; } = "";
    public string Payload { get; init; } = "";
    public DateTime OccurredAt { get; init; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>A node claims a message until this instant, so two nodes never dispatch it at once.</summary>
    public DateTime? LockedUntil { get; set; }
}
