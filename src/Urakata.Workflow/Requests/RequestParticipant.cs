using Urakata.Platform.Domain;

namespace Urakata.Workflow.Requests;

/// <summary>Why a request is in someone's inbox.</summary>
public enum ParticipantKind
{
    /// <summary>Waiting for their decision now.</summary>
    Pending,
    /// <summary>回覧: waiting for them to confirm having read it.</summary>
    Circulated,
    /// <summary>They approved, rejected, sent back or confirmed it at some point.</summary>
    Acted,
}

/// <summary>
/// The inbox index: one row per person a request is waiting for or was handled by. Rebuilt by the request
/// after every action (<see cref="ApprovalRequest"/>), so the inbox is one indexed lookup.
/// </summary>
public sealed class RequestParticipant : ICompanyOwned, IDerivedRecord
{
    private RequestParticipant()
    {
    }

    internal RequestParticipant(Guid companyId, Guid requestId, Guid userId, ParticipantKind kind, DateTime since)
    {
        CompanyId = companyId;
        RequestId = requestId;
        UserId = userId;
        Kind = kind;
        Since = since;
    }

    /// <summary>A surrogate key: two approvers racing both write their rows, and the loser's roll back with its failed version check.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CompanyId { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid UserId { get; private set; }
    public ParticipantKind Kind { get; private set; }
    public DateTime Since { get; private set; }
}
