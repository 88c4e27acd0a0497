using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

/// <summary>One approver of a step and what they decided (for the person they act for).</summary>
public sealed class StepApprover
{
    internal StepApprover(Guid userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    internal StepApprover(Guid userId, string displayName, Decision? decision, Guid? actedBy, DateTime? decidedAt, string? comment)
        : this(userId, displayName)
    {
        Decision = decision;
        ActedBy = actedBy;
        DecidedAt = decidedAt;
        Comment = comment;
    }

    public Guid UserId { get; }
    public string DisplayName { get; }
    public Decision? Decision { get; internal set; }
    /// <summary>Who clicked: the approver or their deputy (代理承認 keeps both names).</summary>
    public Guid? ActedBy { get; internal set; }
    public DateTime? DecidedAt { get; internal set; }
    public string? Comment { get; internal set; }
}

/// <summary>A step of a submitted request, frozen from the route resolved at submission.</summary>
public sealed class RequestStep
{
    private readonly List<StepApprover> _approvers;

    internal RequestStep(ResolvedStep resolved)
    {
        Index = resolved.Index;
        Name = resolved.Definition.Name;
        Mode = resolved.Definition.Mode;
        RequiredCount = resolved.Definition.Mode switch
        {
            StepMode.All => resolved.Approvers.Count,
            StepMode.AtLeast => Math.Min(Math.Max(1, resolved.Definition.RequiredCount), resolved.Approvers.Count),
            _ => 1,
        };
        _approvers = resolved.Approvers.Select(a => new StepApprover(a.UserId, a.DisplayName)).ToList();
        Status = resolved.IsActive ? StepStatus.Waiting : StepStatus.Skipped;
        DueDays = resolved.Definition.DueDays;
        EscalateAfterDays = resolved.Definition.EscalateAfterDays;
        AllowAddApprover = resolved.Definition.AllowAddApprover;
        Definition = resolved.Definition;
    }

    /// <summary>Restores a stored step (persistence only).</summary>
    internal RequestStep(int index, string name, StepMode mode, int requiredCount, StepStatus status, IEnumerable<StepApprover> approvers,
        DateTime? activatedAt = null, int? dueDays = null, int? escalateAfterDays = null, bool escalated = false,
        DateOnly? dueDate = null, bool remindedBefore = false, bool remindedOverdue = false, bool allowAddApprover = false,
        StepDefinition? definition = null)
    {
        Definition = definition;
        AllowAddApprover = allowAddApprover;
        DueDate = dueDate;
        RemindedBefore = remindedBefore;
        RemindedOverdue = remindedOverdue;
        Index = index;
        Name = name;
        Mode = mode;
        RequiredCount = requiredCount;
        Status = status;
        _approvers = approvers.ToList();
        ActivatedAt = activatedAt;
        DueDays = dueDays;
        EscalateAfterDays = escalateAfterDays;
        Escalated = escalated;
    }

    /// <summary>The same step at another position (a route migration).</summary>
    internal RequestStep WithIndex(int index) =>
        index == Index ? this : new RequestStep(index, Name, Mode, RequiredCount, Status, _approvers, ActivatedAt, DueDays, EscalateAfterDays, Escalated,
            DueDate, RemindedBefore, RemindedOverdue, AllowAddApprover, Definition);

    /// <summary>Replaces the approvers by those resolved on the day the step started waiting (nobody has acted on it yet).</summary>
    internal bool Reassign(ResolvedStep resolved)
    {
        if (Decisions > 0 || Escalated)
        {
            return false;
        }
        var before = string.Join(",", _approvers.Select(a => a.UserId));
        _approvers.Clear();
        _approvers.AddRange(resolved.Approvers.Select(a => new StepApprover(a.UserId, a.DisplayName)));
        if (!resolved.IsActive)
        {
            Status = StepStatus.Skipped;
        }
        return before != string.Join(",", _approvers.Select(a => a.UserId)) || !resolved.IsActive;
    }

    /// <summary>Adds approvers not already on the step; returns those added.</summary>
    internal IReadOnlyList<StepApprover> Add(IEnumerable<Approver> approvers)
    {
        var added = approvers.Where(a => ApproverFor(a.UserId) is null).Select(a => new StepApprover(a.UserId, a.DisplayName)).ToList();
        _approvers.AddRange(added);
        Escalated |= added.Count > 0;
        return added;
    }

    public int Index { get; }
    public string Name { get; }
    public StepMode Mode { get; }
    public int RequiredCount { get; }
    public StepStatus Status { get; internal set; }
    public IReadOnlyList<StepApprover> Approvers => _approvers;
    /// <summary>When the step started waiting (its due date counts from here).</summary>
    public DateTime? ActivatedAt { get; internal set; }
    public int? DueDays { get; }
    /// <summary>How the step was defined, so its approvers can be resolved again on the day it starts waiting.</summary>
    public StepDefinition? Definition { get; }

    /// <summary>Its approvers may add someone to the step while it waits.</summary>
    public bool AllowAddApprover { get; }
    public int? EscalateAfterDays { get; }
    /// <summary>Someone was added past the due date (or by the step owner).</summary>
    public bool Escalated { get; private set; }
    /// <summary>The business day the step is due (from <see cref="DueDays"/> and the company calendar), set when it starts waiting.</summary>
    public DateOnly? DueDate { get; internal set; }
    public bool RemindedBefore { get; internal set; }
    public bool RemindedOverdue { get; internal set; }

    /// <summary>Starts waiting now: a fresh due date will be set, reminders start over.</summary>
    internal void Activate(StepStatus status, DateTime now)
    {
        Status = status;
        ActivatedAt = now;
        DueDate = null;
        RemindedBefore = RemindedOverdue = false;
    }

    public bool IsCirculation => Mode == StepMode.Circulate;

    internal int Decisions => _approvers.Count(a => a.Decision is not null);

    /// <summary>合議 waits for everyone on the step, including anyone added later; the other modes for their count.</summary>
    internal bool IsSatisfied => Mode == StepMode.All ? Decisions >= _approvers.Count : Decisions >= RequiredCount;

    internal StepApprover? ApproverFor(Guid userId) => _approvers.Find(a => a.UserId == userId);

    internal void Reset()
    {
        foreach (var a in _approvers)
        {
            a.Decision = null;
            a.ActedBy = null;
            a.DecidedAt = null;
            a.Comment = null;
        }
        if (Status != StepStatus.Skipped)
        {
            Status = StepStatus.Waiting;
        }
    }
}
