using Urakata.Platform.Domain;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

/// <summary>Something that happened to a request, in order; earlier rounds stay after a resubmission.</summary>
public sealed record RequestEvent(int Round, string Action, Guid ActorId, Guid? OnBehalfOf, int? StepIndex, string? Comment, DateTime At);

public sealed record RequestApproved(Guid RequestId, string KindCode, Guid ApplicantId) : IDomainEvent;
public sealed record RequestRejected(Guid RequestId, string KindCode, Guid ApplicantId) : IDomainEvent;
public sealed record RequestWithdrawn(Guid RequestId, string KindCode, Guid ApplicantId) : IDomainEvent;

/// <summary>
/// A request (稟議, 申請) and its route. Every rule of the approval flow lives here: whose turn it is, what
/// each action may do in each state, and when the request is decided. Actions that are valid in general
/// but not now (already decided, not your turn, too late to pull back) throw <see cref="ConflictException"/>.
/// </summary>
public sealed class ApprovalRequest : CompanyEntity
{
    private readonly List<RequestStep> _steps = [];
    private readonly List<RequestEvent> _history = [];

    private ApprovalRequest()
    {
        KindCode = "";
        Title = "";
    }

    public ApprovalRequest(Guid companyId, string kindCode, string title, Guid applicantId, Guid filedBy)
    {
        CompanyId = companyId;
        KindCode = kindCode;
        Title = string.IsNullOrWhiteSpace(title) ? throw new DomainException(WorkflowMessages.TitleRequired, nameof(Title)) : title.Trim();
        ApplicantId = applicantId;
        // 代理申請: a secretary files for someone; the applicant is the person it is for.
        FiledBy = filedBy;
    }

    public string KindCode { get; private set; }
    public string Title { get; private set; }
    public Guid ApplicantId { get; private set; }
    public Guid FiledBy { get; private set; }
    public string? Number { get; private set; }
    public RequestStatus Status { get; private set; } = RequestStatus.Draft;
    public int Round { get; private set; }
    public IReadOnlyList<RequestStep> Steps => _steps;
    public IReadOnlyList<RequestEvent> History => _history;
    /// <summary>When anything last happened; every action changes it, so every action checks the version.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The step waiting for a decision, if any.</summary>
    public RequestStep? CurrentStep => _steps.Find(s => s.Status == StepStatus.Active);

    /// <summary>Submits (or resubmits after a send-back) with the route resolved for the applicant today.</summary>
    public void Submit(string number, IReadOnlyList<ResolvedStep> route, Guid actorId, DateTime now)
    {
        if (Status is not (RequestStatus.Draft or RequestStatus.SentBack))
        {
            throw new ConflictException(WorkflowMessages.Format(WorkflowMessages.CannotSubmit, Status));
        }
        Number ??= number;
        Round++;
        _steps.Clear();
        _steps.AddRange(route.Select(r => new RequestStep(r)));
        Status = RequestStatus.InProgress;
        Record("submit", actorId, null, null, null, now);
        Advance();
    }

    public void Approve(Guid actorId, Guid? onBehalfOf, string? comment, DateTime now)
    {
        var (step, approver) = TurnOf(actorId, onBehalfOf);
        approver.Decision = Decision.Approved;
        approver.ActedBy = actorId;
        approver.DecidedAt = now;
        approver.Comment = comment;
        Record("approve", actorId, onBehalfOf, step.Index, comment, now);
        if (step.IsSatisfied)
        {
            step.Status = StepStatus.Approved;
            Advance();
        }
    }

    /// <summary>回覧: a circulated person confirms having read it; the route never waited for it.</summary>
    public void Confirm(Guid actorId, DateTime now)
    {
        var approver = _steps.Where(s => s.Status == StepStatus.Circulating).Select(s => s.ApproverFor(actorId)).FirstOrDefault(a => a is not null)
            ?? throw new ConflictException(WorkflowMessages.NotYourTurn);
        if (approver.Decision is not null)
        {
            throw new ConflictException(WorkflowMessages.AlreadyDecided);
        }
        approver.Decision = Decision.Confirmed;
        approver.ActedBy = actorId;
        approver.DecidedAt = now;
        Record("confirm", actorId, null, null, null, now);
    }

    /// <summary>却下: terminal; a comment is required.</summary>
    public void Reject(Guid actorId, Guid? onBehalfOf, string? comment, DateTime now)
    {
        RequireComment(comment);
        var (step, _) = TurnOf(actorId, onBehalfOf);
        Status = RequestStatus.Rejected;
        step.Status = StepStatus.Waiting;
        Record("reject", actorId, onBehalfOf, step.Index, comment, now);
        Raise(new RequestRejected(Id, KindCode, ApplicantId));
    }

    /// <summary>差し戻し to the applicant (<paramref name="toStep"/> null) or to an earlier step, which then decides again.</summary>
    public void SendBack(Guid actorId, Guid? onBehalfOf, string? comment, int? toStep, DateTime now)
    {
        RequireComment(comment);
        var (step, _) = TurnOf(actorId, onBehalfOf);
        if (toStep is null)
        {
            Status = RequestStatus.SentBack;
            foreach (var s in _steps)
            {
                s.Reset();
            }
            Record("send-back", actorId, onBehalfOf, step.Index, comment, now);
            return;
        }
        var target = _steps.Find(s => s.Index == toStep && s.Index < step.Index && s.Status == StepStatus.Approved)
            ?? throw new DomainException(WorkflowMessages.InvalidSendBackTarget, "toStep");
        foreach (var s in _steps.Where(s => s.Index >= target.Index && !s.IsCirculation))
        {
            s.Reset();
        }
        Record("send-back", actorId, onBehalfOf, step.Index, comment, now);
        Advance();
    }

    /// <summary>引き戻し: the applicant takes the request back while the current approver has not acted yet.</summary>
    public void PullBack(Guid actorId, DateTime now)
    {
        RequireApplicant(actorId);
        RequireInProgress();
        if (_steps.Any(s => !s.IsCirculation && s.Decisions > 0))
        {
            throw new ConflictException(WorkflowMessages.PullBackTooLate);
        }
        Status = RequestStatus.SentBack;
        foreach (var s in _steps)
        {
            s.Reset();
        }
        Record("pull-back", actorId, null, null, null, now);
    }

    /// <summary>An approver takes back their approval while the next step has not acted.</summary>
    public void RetractApproval(Guid actorId, DateTime now)
    {
        RequireInProgress();
        var decided = _steps.LastOrDefault(s => s.Status == StepStatus.Approved && s.ApproverFor(actorId)?.Decision == Decision.Approved)
            ?? throw new ConflictException(WorkflowMessages.NotYourTurn);
        var later = _steps.Where(s => s.Index > decided.Index && !s.IsCirculation);
        if (later.Any(s => s.Decisions > 0))
        {
            throw new ConflictException(WorkflowMessages.RetractTooLate);
        }
        var mine = decided.ApproverFor(actorId)!;
        mine.Decision = null;
        mine.ActedBy = null;
        mine.DecidedAt = null;
        foreach (var s in _steps.Where(s => s.Status == StepStatus.Active))
        {
            s.Status = StepStatus.Waiting;
        }
        decided.Status = StepStatus.Active;
        Record("retract", actorId, null, decided.Index, null, now);
    }

    /// <summary>取り下げ: the applicant ends the request; terminal.</summary>
    public void Withdraw(Guid actorId, DateTime now)
    {
        RequireApplicant(actorId);
        if (Status is not (RequestStatus.Draft or RequestStatus.InProgress or RequestStatus.SentBack))
        {
            throw new ConflictException(WorkflowMessages.Format(WorkflowMessages.NotInProgress, Status));
        }
        Status = RequestStatus.Withdrawn;
        Record("withdraw", actorId, null, null, null, now);
        Raise(new RequestWithdrawn(Id, KindCode, ApplicantId));
    }

    /// <summary>Moves to the first step still to decide; 回覧 steps start circulating and are passed over.</summary>
    private void Advance()
    {
        foreach (var step in _steps)
        {
            switch (step.Status)
            {
                case StepStatus.Approved or StepStatus.Skipped or StepStatus.Circulating:
                    continue;
                case StepStatus.Active:
                    return;
                case StepStatus.Waiting when step.IsCirculation:
                    step.Status = StepStatus.Circulating;
                    continue;
                case StepStatus.Waiting:
                    step.Status = StepStatus.Active;
                    return;
            }
        }
        Status = RequestStatus.Approved;
        Raise(new RequestApproved(Id, KindCode, ApplicantId));
    }

    private (RequestStep Step, StepApprover Approver) TurnOf(Guid actorId, Guid? onBehalfOf)
    {
        RequireInProgress();
        var approverId = onBehalfOf ?? actorId;
        if (approverId == ApplicantId || actorId == ApplicantId)
        {
            throw new ConflictException(WorkflowMessages.ApplicantCannotApprove);
        }
        var step = CurrentStep ?? throw new ConflictException(WorkflowMessages.NotYourTurn);
        var approver = step.ApproverFor(approverId) ?? throw new ConflictException(WorkflowMessages.NotYourTurn);
        if (approver.Decision is not null)
        {
            throw new ConflictException(WorkflowMessages.AlreadyDecided);
        }
        return (step, approver);
    }

    private void RequireInProgress()
    {
        if (Status != RequestStatus.InProgress)
        {
            throw new ConflictException(WorkflowMessages.Format(WorkflowMessages.NotInProgress, Status));
        }
    }

    private void RequireApplicant(Guid actorId)
    {
        if (actorId != ApplicantId && actorId != FiledBy)
        {
            throw new ConflictException(WorkflowMessages.OnlyApplicant);
        }
    }

    private static void RequireComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException(WorkflowMessages.CommentRequired, "comment");
        }
    }

    private void Record(string action, Guid actorId, Guid? onBehalfOf, int? stepIndex, string? comment, DateTime now)
    {
        _history.Add(new RequestEvent(Round, action, actorId, onBehalfOf, stepIndex, comment, now));
        UpdatedAt = now;
    }
}
