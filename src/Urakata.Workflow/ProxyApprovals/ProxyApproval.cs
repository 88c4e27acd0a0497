using Urakata.Platform.Domain;

namespace Urakata.Workflow.ProxyApprovals;

/// <summary>
/// 代理承認: <see cref="DelegatorId"/> lets <see cref="DeputyId"/> act for them from <see cref="From"/> to
/// <see cref="To"/> (inclusive), for the listed kinds (none: all kinds). With <see cref="OnlyWhenAbsent"/>
/// the deputy acts only on days the delegator is recorded absent (an approved leave).
/// </summary>
public sealed class ProxyApproval : CompanyEntity
{
    private ProxyApproval()
    {
        KindCodes = "";
    }

    public ProxyApproval(Guid companyId, Guid delegatorId, Guid deputyId, DateOnly from, DateOnly to, IEnumerable<string>? kindCodes, bool onlyWhenAbsent, string? reason)
    {
        if (delegatorId == deputyId)
        {
            throw new DomainException(WorkflowMessages.DeputyIsSelf, "deputyId");
        }
        if (to < from)
        {
            throw new DomainException(WorkflowMessages.Format(WorkflowMessages.DateRangeOrder, WorkflowMessages.PeriodLabel), "to");
        }
        CompanyId = companyId;
        DelegatorId = delegatorId;
        DeputyId = deputyId;
        From = from;
        To = to;
        KindCodes = string.Join(',', (kindCodes ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        OnlyWhenAbsent = onlyWhenAbsent;
        Reason = reason?.Trim();
    }

    public Guid DelegatorId { get; private set; }
    public Guid DeputyId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    /// <summary>Comma-separated kind codes; empty: every kind.</summary>
    public string KindCodes { get; private set; }
    public bool OnlyWhenAbsent { get; private set; }
    public string? Reason { get; private set; }
    public bool IsRevoked { get; private set; }

    public bool Covers(string kindCode) => KindCodes.Length == 0 || KindCodes.Split(',').Contains(kindCode, StringComparer.Ordinal);

    public void Revoke() => IsRevoked = true;
}

/// <summary>A day range someone is away (an approved leave); activates their <see cref="ProxyApproval.OnlyWhenAbsent"/> deputies.</summary>
public sealed class Absence : CompanyEntity
{
    private Absence()
    {
        Source = "";
    }

    public Absence(Guid companyId, Guid userId, DateOnly from, DateOnly to, string source)
    {
        if (to < from)
        {
            throw new DomainException(WorkflowMessages.Format(WorkflowMessages.DateRangeOrder, WorkflowMessages.PeriodLabel), "to");
        }
        CompanyId = companyId;
        UserId = userId;
        From = from;
        To = to;
        Source = source;
    }

    public Guid UserId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    /// <summary>What recorded it (e.g. the leave request's number), so it can be cancelled with it.</summary>
    public string Source { get; private set; }
}
