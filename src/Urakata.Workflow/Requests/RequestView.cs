using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Security;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

public sealed record ApproverView(Guid UserId, string DisplayName, Decision? Decision, Guid? ActedBy, string? ActedByName, DateTime? DecidedAt, string? Comment);

public sealed record StepView(int Index, string Name, StepMode Mode, int RequiredCount, StepStatus Status, DateTime? ActivatedAt, bool Escalated, IReadOnlyList<ApproverView> Approvers);

public sealed record EventView(int Round, string Action, Guid ActorId, string ActorName, Guid? OnBehalfOf, string? OnBehalfOfName, int? StepIndex, string? Comment, DateTime At, Guid? FileId);

/// <summary>What the reader may do now; the page shows these buttons and the API answers 409 for the others.</summary>
public sealed record AllowedActions(bool Edit, bool Submit, bool Approve, bool Reject, bool SendBack, bool Confirm, bool PullBack, bool Retract, bool Withdraw, IReadOnlyList<Guid> ActingFor,
    bool AddApprover = false);

/// <summary>A request as its page and the API show it: content, route as a timeline with names, history, changes since the last round.</summary>
public sealed record RequestView(
    Guid Id, string? Number, string KindCode, string KindName, int FormVersion, FormDefinition Form, string Title, JsonObject Values, long? Amount,
    Guid ApplicantId, string ApplicantName, Guid FiledBy, string FiledByName, RequestStatus Status, int Round, string RouteName, int? RouteVersion,
    DateTime? SubmittedAt, DateTime? DecidedAt, DateTime UpdatedAt, int Version,
    IReadOnlyList<StepView> Steps, IReadOnlyList<EventView> History, IReadOnlyList<FieldChange> ChangesSinceLastRound, AllowedActions Actions);

/// <summary>Builds <see cref="RequestView"/>s (names for every id, the reader's possible actions).</summary>
public sealed class RequestViews(UrakataDbContext db, RequestKinds kinds, RequestService requests, CurrentUser currentUser)
{
    public async Task<RequestView> GetAsync(Guid id, CancellationToken ct = default) => await ViewAsync(await requests.GetAsync(id, ct), ct);

    public async Task<RequestView> ViewAsync(ApprovalRequest r, CancellationToken ct = default)
    {
        var kind = await kinds.FindAsync(r.KindCode, ct);
        var ids = r.History.SelectMany(h => new[] { h.ActorId, h.OnBehalfOf ?? Guid.Empty })
            .Concat(r.Steps.SelectMany(s => s.Approvers).Select(a => a.ActedBy ?? Guid.Empty)).Append(r.FiledBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        // Guid.Empty acts for the engine itself (escalation, re-resolving approvers).
        string Name(Guid? id) => id is { } v ? v == Guid.Empty ? WorkflowMessages.SystemActor : names.GetValueOrDefault(v, "") : "";
        var steps = r.Steps.Select(s => new StepView(s.Index, s.Name, s.Mode, s.RequiredCount, s.Status, s.ActivatedAt, s.Escalated,
            s.Approvers.Select(a => new ApproverView(a.UserId, a.DisplayName, a.Decision, a.ActedBy, a.ActedBy is null ? null : Name(a.ActedBy), a.DecidedAt, a.Comment)).ToList())).ToList();
        var history = r.History.Select(h => new EventView(h.Round, h.Action, h.ActorId, Name(h.ActorId), h.OnBehalfOf, h.OnBehalfOf is null ? null : Name(h.OnBehalfOf),
            h.StepIndex, h.Comment, h.At, h.FileId)).ToList();
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new RequestView(r.Id, r.Number, r.KindCode, kind.NameFor(english), r.FormVersion, kind.FormOf(r.FormVersion), r.Title, r.Values, r.Amount,
            r.ApplicantId, r.ApplicantName, r.FiledBy, Name(r.FiledBy), r.Status, r.Round, r.RouteName, r.RouteVersion, r.SubmittedAt, r.DecidedAt, r.UpdatedAt, r.Version,
            steps, history, r.ChangesSinceLastRound(), await ActionsAsync(r, ct));
    }

    private async Task<AllowedActions> ActionsAsync(ApprovalRequest r, CancellationToken ct)
    {
        var me = currentUser.RequireUser();
        var holder = me == r.ApplicantId || me == r.FiledBy;
        var canEdit = holder && r.Status is RequestStatus.Draft or RequestStatus.SentBack;
        var inProgress = r.Status == RequestStatus.InProgress;
        // Whoever filed it for someone else may still be on the route (a 課長 filing for their staff); only the applicant never approves.
        var actingFor = inProgress && me != r.ApplicantId ? await requests.ActingForAsync(r, ct) : [];
        var decide = actingFor.Count > 0;
        var circulating = inProgress && r.Steps.Any(s => s.Status == StepStatus.Circulating && s.Approvers.Any(a => a.UserId == me && a.Decision is null));
        var pullBack = inProgress && holder && !r.Steps.Any(s => !s.IsCirculation && s.Approvers.Any(a => a.Decision is not null));
        var lastApproved = r.Steps.LastOrDefault(s => s.Status == StepStatus.Approved && s.Approvers.Any(a => a.UserId == me && a.Decision == Decision.Approved));
        var retract = inProgress && lastApproved is not null
            && !r.Steps.Any(s => s.Index > lastApproved.Index && !s.IsCirculation && s.Approvers.Any(a => a.Decision is not null));
        var addApprover = inProgress && r.CurrentStep is { AllowAddApprover: true } current && current.Approvers.Any(a => a.UserId == me);
        return new AllowedActions(canEdit, canEdit, decide, decide, decide, circulating, pullBack, retract, holder && r.IsOpen, actingFor, addApprover);
    }
}
