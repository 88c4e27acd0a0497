using System.Text.Json.Nodes;
using Urakata.Platform.Domain;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

/// <summary>Something that happened to a request, in order; earlier rounds stay after a resubmission.</summary>
public sealed record RequestEvent(int Round, string Action, Guid ActorId, Guid? OnBehalfOf, int? StepIndex, string? Comment, DateTime At, Guid? FileId = null);

/// <summary>What the applicant submitted in one round; the approver sees what changed since the previous one.</summary>
public sealed record RequestRound(int Round, string Title, JsonObject Values, long? Amount, DateTime SubmittedAt);

/// <summary>One field that differs between two rounds.</summary>
public sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After);

/// <summary>Which route version a request was resolved from (none for a kind's built-in default route).</summary>
public sealed record RouteReference(Guid? RouteId, int? Version, string Name);

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
    private readonly List<RequestRound> _rounds = [];
    private readonly List<RequestParticipant> _participants = [];

    private ApprovalRequest()
    {
        KindCode = "";
        Title = "";
        ApplicantName = "";
        RouteName = "";
    }

    public ApprovalRequest(Guid companyId, string kindCode, string title, Guid applicantId, Guid filedBy, string applicantName = "", int formVersion = 1)
    {
        CompanyId = companyId;
        KindCode = kindCode;
        Title = CleanTitle(title);
        ApplicantId = applicantId;
        ApplicantName = applicantName;
        // 代理申請: a secretary files for someone; the applicant is the person it is for.
        FiledBy = filedBy;
        FormVersion = formVersion;
        RouteName = "";
    }

    public string KindCode { get; private set; }
    /// <summary>The form version the request was created with; it keeps it for good.</summary>
    public int FormVersion { get; private set; }
    public string Title { get; private set; }
    public Guid ApplicantId { get; private set; }
    public string ApplicantName { get; private set; }
    public Guid FiledBy { get; private set; }
    public string? Number { get; private set; }
    public RequestStatus Status { get; private set; } = RequestStatus.Draft;
    public int Round { get; private set; }
    /// <summary>The form values (JSON object), as normalised by the kind's form.</summary>
    public JsonObject Values { get; private set; } = [];
    /// <summary>Whole yen, from the form's amount field; routes and search use it.</summary>
    public long? Amount { get; private set; }
    public Guid? RouteId { get; private set; }
    public int? RouteVersion { get; private set; }
    public string RouteName { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    /// <summary>The name of the step waiting now (for lists); null when none.</summary>
    public string? CurrentStepName { get; private set; }
    /// <summary>When the step waiting now is due (the deadline job looks for these).</summary>
    public DateOnly? CurrentDueDate { get; private set; }
    public IReadOnlyList<RequestStep> Steps => _steps;
    public IReadOnlyList<RequestEvent> History => _history;
    public IReadOnlyList<RequestRound> Rounds => _rounds;
    public IReadOnlyList<RequestParticipant> Participants => _participants;
    /// <summary>When anything last happened; every action changes it, so every action checks the version.</summary>
    public DateTime UpdatedAt { get; private set; }

    public bool IsOpen => Status is RequestStatus.Draft or RequestStatus.InProgress or RequestStatus.SentBack;

    /// <summary>Sets the content while the applicant holds the request (draft or sent back).</summary>
    public void Edit(Guid actorId, string title, JsonObject values, long? amount, DateTime now)
    {
        RequireApplicant(actorId);
        if (Status is not (RequestStatus.Draft or RequestStatus.SentBack))
        {
            throw new ConflictException(WorkflowMessages.Format(WorkflowMessages.CannotEdit, Status));
        }
        Title = CleanTitle(title);
        Values = values;
        Amount = amount;
        UpdatedAt = now;
    }

    /// <summary>The fields that changed between the previous round and the latest one (empty in round 1).</summary>
    public IReadOnlyList<FieldChange> ChangesSinceLastRound()
    {
        if (_rounds.Count < 2)
        {
            return [];
        }
        var (before, after) = (_rounds[^2], _rounds[^1]);
        var changes = new List<FieldChange>();
        if (before.Title != after.Title)
        {
            changes.Add(new FieldChange("title", before.Title, after.Title));
        }
        foreach (var key in before.Values.Select(p => p.Key).Union(after.Values.Select(p => p.Key)).Distinct())
        {
            if (!JsonNode.DeepEquals(before.Values[key], after.Values[key]))
            {
                changes.Add(new FieldChange(key, before.Values[key]?.DeepClone(), after.Values[key]?.DeepClone()));
            }
        }
        return changes;
    }

    /// <summary>The step waiting for a decision, if any.</summary>
    public RequestStep? CurrentStep => _steps.Find(s => s.Status == StepStatus.Active);

    /// <summary>Submits (or resubmits after a send-back) with the route resolved for the applicant today.</summary>
    public void Submit(string number, IReadOnlyList<ResolvedStep> route, Guid actorId, DateTime now, RouteReference? routeRef = null)
    {
        RequireApplicant(actorId);
        if (Status is not (RequestStatus.Draft or RequestStatus.SentBack))
        {
            throw new ConflictException(WorkflowMessages.Format(WorkflowMessages.CannotSubmit, Status));
        }
        Number ??= number;
        Round++;
        if (routeRef is not null)
        {
            (RouteId, RouteVersion, RouteName) = (routeRef.RouteId, routeRef.Version, routeRef.Name);
        }
        _steps.Clear();
        _steps.AddRange(route.Select(r => new RequestStep(r)));
        _rounds.Add(new RequestRound(Round, Title, (JsonObject)Values.DeepClone(), Amount, now));
        SubmittedAt ??= now;
        Status = RequestStatus.InProgress;
        Record("submit", actorId, null, null, null, now);
        Advance(now);
    }

    /// <summary>
    /// Moves an in-flight request onto a new route version (an administrator's decision, audited). Steps
    /// already approved are never run again: a new step with the same name as an approved one keeps its
    /// approvals, approved steps the new route no longer has stay on record, the rest starts afresh.
    /// </summary>
    public void MigrateRoute(IReadOnlyList<ResolvedStep> route, RouteReference routeRef, Guid actorId, DateTime now)
    {
        RequireInProgress();
        var approved = _steps.Where(s => s.Status == StepStatus.Approved).ToList();
        var migrated = new List<RequestStep>();
        foreach (var resolved in route)
        {
            var done = approved.Find(s => s.Name == resolved.Definition.Name);
            if (done is not null)
            {
                approved.Remove(done);
                migrated.Add(done);
            }
            else
            {
                migrated.Add(new RequestStep(resolved));
            }
        }
        migrated.InsertRange(0, approved);
        _steps.Clear();
        _steps.AddRange(migrated.Select((s, i) => s.WithIndex(i)));
        (RouteId, RouteVersion, RouteName) = (routeRef.RouteId, routeRef.Version, routeRef.Name);
        Record("migrate", actorId, null, null, $"{routeRef.Name} v{routeRef.Version}", now);
        Advance(now);
    }

    /// <summary>A comment (and optionally a file) at any point, by anyone who can see the request.</summary>
    public void AddComment(Guid actorId, string? comment, Guid? fileId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment) && fileId is null)
        {
            throw new DomainException(WorkflowMessages.CommentRequired, "comment");
        }
        Record("comment", actorId, null, CurrentStep?.Index, comment?.Trim(), now, fileId);
    }

    /// <summary>Adds people to the waiting step (escalation past its due date, or the step owner adding an approver).</summary>
    public void AddApprovers(int stepIndex, IReadOnlyList<Approver> approvers, Guid actorId, string action, DateTime now)
    {
        var step = _steps.Find(s => s.Index == stepIndex && s.Status == StepStatus.Active) ?? throw new ConflictException(WorkflowMessages.NotYourTurn);
        var added = step.Add(approvers);
        if (added.Count == 0)
        {
            return;
        }
        Record(action, actorId, null, stepIndex, string.Join("、", added.Select(a => a.DisplayName)), now);
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
            Advance(now);
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
        DecidedAt = now;
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
        Advance(now);
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
        DecidedAt = now;
        Record("withdraw", actorId, null, null, null, now);
        Raise(new RequestWithdrawn(Id, KindCode, ApplicantId));
    }

    /// <summary>Moves to the first step still to decide; 回覧 steps start circulating and are passed over.</summary>
    private void Advance(DateTime now)
    {
        AdvanceSteps(now);
        RefreshParticipants(now);
    }

    private void AdvanceSteps(DateTime now)
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
                    step.Activate(StepStatus.Circulating, now);
                    continue;
                case StepStatus.Waiting:
                    step.Activate(StepStatus.Active, now);
                    return;
            }
        }
        Status = RequestStatus.Approved;
        DecidedAt = now;
        Raise(new RequestApproved(Id, KindCode, ApplicantId));
    }

    /// <summary>Lets a kind's hook publish its own event with the decision (same transaction, via the outbox).</summary>
    internal void Publish(IDomainEvent domainEvent) => Raise(domainEvent);

    /// <summary>Rebuilds the inbox rows from the steps and history; unchanged rows stay as they are.</summary>
    private void RefreshParticipants(DateTime now)
    {
        var wanted = new HashSet<(Guid, ParticipantKind)>();
        if (Status == RequestStatus.InProgress)
        {
            foreach (var a in CurrentStep?.Approvers.Where(a => a.Decision is null) ?? [])
            {
                wanted.Add((a.UserId, ParticipantKind.Pending));
            }
            foreach (var a in _steps.Where(s => s.Status == StepStatus.Circulating).SelectMany(s => s.Approvers).Where(a => a.Decision is null))
            {
                wanted.Add((a.UserId, ParticipantKind.Circulated));
            }
        }
        foreach (var e in _history.Where(e => e.Action is "approve" or "reject" or "send-back" or "confirm"))
        {
            wanted.Add((e.OnBehalfOf ?? e.ActorId, ParticipantKind.Acted));
            wanted.Add((e.ActorId, ParticipantKind.Acted));
        }
        _participants.RemoveAll(p => !wanted.Contains((p.UserId, p.Kind)));
        foreach (var (user, kind) in wanted.Where(w => !_participants.Exists(p => p.UserId == w.Item1 && p.Kind == w.Item2)))
        {
            _participants.Add(new RequestParticipant(CompanyId, Id, user, kind, now));
        }
        CurrentStepName = Status == RequestStatus.InProgress ? CurrentStep?.Name : null;
        CurrentDueDate = Status == RequestStatus.InProgress ? CurrentStep?.DueDate : null;
    }

    /// <summary>
    /// The step that just started waiting, with its approvers resolved again on this day (someone moved or was
    /// appointed since submission). A step whose post is now vacant or held only by the applicant is skipped and
    /// the request moves on. Returns false when nothing changed.
    /// </summary>
    public bool ReassignCurrentStep(ResolvedStep resolved, DateTime now)
    {
        var step = CurrentStep;
        if (step is null || !step.Reassign(resolved))
        {
            return false;
        }
        Record("reassign", Guid.Empty, null, step.Index, string.Join("、", step.Approvers.Select(a => a.DisplayName)), now);
        if (step.Status == StepStatus.Skipped)
        {
            Advance(now);
        }
        return true;
    }

    /// <summary>Sets the waiting step's due date (the service computes it in business days).</summary>
    public void SetDueDate(DateOnly due)
    {
        var step = CurrentStep ?? throw new ConflictException(WorkflowMessages.NotYourTurn);
        step.DueDate = due;
        CurrentDueDate = due;
    }

    /// <summary>Records that the waiting step's approvers were reminded (before or after the due date); false if already done.</summary>
    public bool MarkReminded(bool overdue, DateTime now)
    {
        var step = CurrentStep;
        if (step is null || (overdue ? step.RemindedOverdue : step.RemindedBefore))
        {
            return false;
        }
        if (overdue)
        {
            step.RemindedOverdue = true;
        }
        else
        {
            step.RemindedBefore = true;
        }
        UpdatedAt = now;
        return true;
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

    private void Record(string action, Guid actorId, Guid? onBehalfOf, int? stepIndex, string? comment, DateTime now, Guid? fileId = null)
    {
        _history.Add(new RequestEvent(Round, action, actorId, onBehalfOf, stepIndex, comment, now, fileId));
        UpdatedAt = now;
        RefreshParticipants(now);
    }

    private static string CleanTitle(string title) =>
        string.IsNullOrWhiteSpace(title) ? throw new DomainException(WorkflowMessages.TitleRequired, nameof(Title))
        : title.Trim().Length > 200 ? throw new DomainException(WorkflowMessages.Format(WorkflowMessages.FieldTooLong, WorkflowMessages.TitleLabel, 200), nameof(Title))
        : title.Trim();
}
