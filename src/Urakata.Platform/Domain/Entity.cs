namespace Urakata.Platform.Domain;

/// <summary>
/// Base of every aggregate: a client-generated, time-ordered id and an app-managed
/// <see cref="Version"/> used as the optimistic concurrency token (bumped on every update).
/// </summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public int Version { get; internal set; } = 1;

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    internal void ClearDomainEvents() => _domainEvents.Clear();
}

/// <summary>A row that belongs to one company; the company query filter applies to it.</summary>
public interface ICompanyOwned
{
    Guid CompanyId { get; }
}

/// <summary>Company-owned aggregate: the company is stamped on insert and never changes.</summary>
public abstract class CompanyEntity : Entity, ICompanyOwned
{
    public Guid CompanyId { get; protected internal set; }
}

/// <summary>Marker for something that happened in the domain; stored in the outbox in the same transaction.</summary>
public interface IDomainEvent;

/// <summary>A business rule was broken; the message is shown to the user.</summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>Several fields are wrong at once (a form): every field with its messages, answered 400 with all of them.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(errors.Values.SelectMany(v => v).FirstOrDefault() ?? "", errors.Keys.FirstOrDefault())
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The action is valid in general but not in the record's current state (already decided, not your turn…): 409.</summary>
public class ConflictException(string message) : DomainException(message);

/// <summary>The record does not exist for the caller (or belongs to another company): answer 404.</summary>
public class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>Attribute for properties whose values must never appear in audit diffs or logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>
/// A row derived from an audited aggregate and rebuilt with it (an inbox index, a balance): its own changes are
/// not audited, the aggregate's are.
/// </summary>
public interface IDerivedRecord;

/// <summary>
/// An immutable row protected by its module's own hash chain (a posted journal line): the audit trail records the
/// aggregate it belongs to, not a copy of every row, and <c>urakata verify</c> checks it through the module's chain.
/// </summary>
public interface IChainedRecord;

/// <summary>Attribute for properties that are not audited at all (derived or technical state).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
