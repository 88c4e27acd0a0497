using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Numbering;
using Urakata.Platform.Org;
using Urakata.Platform.Security;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

/// <summary>A new request: its kind, title and form values; <see cref="ApplicantId"/> set when filing for someone else (代理申請).</summary>
public sealed record RequestInput(string Kind, string Title, JsonObject? Values, Guid? ApplicantId = null);

/// <summary>
/// Files and moves requests. Checks the form against the kind's form version, resolves the route for the
/// applicant on the day, takes the request number inside the submitting transaction (gap-free), lets a deputy
/// act for an approver (代理承認), runs the kind's hooks with the final decision, notifies the next people,
/// and turns a lost race between two approvers into "already decided". A request the caller may not see
/// answers 404; an action that is not theirs to take answers 409.
/// </summary>
public sealed class RequestService(
    UrakataDbContext db,
    RequestKinds kinds,
    RouteCatalog routeCatalog,
    RouteResolver resolver,
    OrgDirectory org,
    NumberingService numbering,
    ProxyApprovalService proxies,
    PermissionService permissions,
    RequestNotifier notifier,
    Platform.CompanyCalendar calendar,
    CurrentUser currentUser,
    IServiceProvider services,
    TimeProvider clock)
{
    /// <summary>Saves a draft (nothing is routed or numbered yet).</summary>
    public async Task<ApprovalRequest> DraftAsync(RequestInput input, CancellationToken ct = default)
    {
        var request = await NewAsync(input, ct);
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>Creates and submits a request in one transaction.</summary>
    public async Task<ApprovalRequest> SubmitNewAsync(RequestInput input, CancellationToken ct = default)
    {
        var request = await NewAsync(input, ct);
        return await db.InTransactionAsync(async token =>
        {
            db.Add(request);
            await RouteAndSubmitAsync(request, token);
            return request;
        }, ct);
    }

    /// <summary>Changes a draft or a sent-back request (the applicant or whoever filed it).</summary>
    public async Task<ApprovalRequest> UpdateAsync(Guid requestId, string title, JsonObject? values, int? version = null, CancellationToken ct = default)
    {
        var request = await LoadVisibleAsync(requestId, ct);
        if (version is { } v && v != request.Version)
        {
            throw new ConflictException(Platform.Messages.ConcurrencyConflict);
        }
        var form = (await kinds.FindAsync(request.KindCode, ct)).FormOf(request.FormVersion);
        var clean = await CheckFormAsync(form, values, ct);
        request.Edit(currentUser.RequireUser(), title, clean, form.AmountOf(clean), Now().Utc);
        await SaveAsync(ct);
        return request;
    }

    /// <summary>Submits a draft, or resubmits after a send-back (a new round; earlier rounds are kept).</summary>
    public async Task<ApprovalRequest> SubmitAsync(Guid requestId, CancellationToken ct = default)
    {
        var request = await LoadVisibleAsync(requestId, ct);
        return await db.InTransactionAsync(async token =>
        {
            await RouteAndSubmitAsync(request, token);
            return request;
        }, ct);
    }

    public Task<ApprovalRequest> ApproveAsync(Guid requestId, Guid? onBehalfOf, string? comment, CancellationToken ct = default) =>
        ActAsDeputyAsync(requestId, onBehalfOf, (r, actor, forWhom, now) => r.Approve(actor, forWhom, comment, now), ct);

    public Task<ApprovalRequest> RejectAsync(Guid requestId, Guid? onBehalfOf, string? comment, CancellationToken ct = default) =>
        ActAsDeputyAsync(requestId, onBehalfOf, (r, actor, forWhom, now) => r.Reject(actor, forWhom, comment, now), ct);

    public Task<ApprovalRequest> SendBackAsync(Guid requestId, Guid? onBehalfOf, string? comment, int? toStep, CancellationToken ct = default) =>
        ActAsDeputyAsync(requestId, onBehalfOf, (r, actor, forWhom, now) => r.SendBack(actor, forWhom, comment, toStep, now), ct);

    public Task<ApprovalRequest> ConfirmAsync(Guid requestId, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.Confirm(actor, now), ct);

    public Task<ApprovalRequest> RetractAsync(Guid requestId, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.RetractApproval(actor, now), ct);

    public Task<ApprovalRequest> WithdrawAsync(Guid requestId, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.Withdraw(actor, now), ct);

    public Task<ApprovalRequest> PullBackAsync(Guid requestId, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.PullBack(actor, now), ct);

    public async Task<ApprovalRequest> CommentAsync(Guid requestId, string? comment, Guid? fileId, CancellationToken ct = default)
    {
        if (fileId is { } f && !await db.Files.AnyAsync(x => x.Id == f, ct))
        {
            throw new DomainException(WorkflowMessages.Format(WorkflowMessages.ReferenceNotFound, "File"), "fileId");
        }
        return await ActAsync(requestId, (r, actor, now) => r.AddComment(actor, comment, fileId, now), ct);
    }

    /// <summary>An approver of the waiting step adds someone to it, when the route allows it for the step.</summary>
    public async Task<ApprovalRequest> AddApproverAsync(Guid requestId, Guid userId, CancellationToken ct = default)
    {
        var request = await LoadVisibleAsync(requestId, ct);
        var me = currentUser.RequireUser();
        if (request.CurrentStep is not { AllowAddApprover: true } step || step.Approvers.All(a => a.UserId != me))
        {
            throw new ConflictException(WorkflowMessages.CannotAddApprover);
        }
        if (userId == request.ApplicantId)
        {
            throw new DomainException(WorkflowMessages.ApplicantCannotApprove, "userId");
        }
        var (_, today) = Now();
        var post = await org.PrimaryPostAsync(userId, today, ct);
        var name = post?.DisplayName ?? await db.Memberships.Where(m => m.UserId == userId && m.IsActive)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(WorkflowMessages.NotAMember, "userId");
        return await ApplyAsync(request, (r, actor, now) => r.AddApprovers(step.Index, [new Approver(userId, name, post?.Rank ?? 0)], actor, "add-approver", now), ct);
    }

    /// <summary>Approves each request the caller may approve; one that fails does not stop the others.</summary>
    public async Task<IReadOnlyList<BulkResult>> BulkApproveAsync(IReadOnlyList<Guid> requestIds, string? comment, CancellationToken ct = default)
    {
        var results = new List<BulkResult>();
        foreach (var id in requestIds.Distinct().Take(200))
        {
            try
            {
                var r = await ApproveAsync(id, null, comment, ct);
                results.Add(new BulkResult(id, r.Number, true, null));
            }
            catch (Exception ex) when (ex is DomainException or NotFoundException)
            {
                db.ChangeTracker.Clear();
                results.Add(new BulkResult(id, null, false, ex is NotFoundException ? Platform.Messages.NotFound : ex.Message));
            }
        }
        return results;
    }

    /// <summary>Moves an in-flight request onto the current version of its route (route administrators only; audited).</summary>
    public async Task<ApprovalRequest> MigrateRouteAsync(Guid requestId, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.RoutesManage, ct);
        var request = await db.Set<ApprovalRequest>().SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Request");
        var kind = await kinds.FindAsync(request.KindCode, ct);
        var (now, today) = Now();
        var (steps, reference) = await ResolveRouteAsync(kind, request, today, ct);
        var before = Snapshot.Of(request);
        request.MigrateRoute(steps, reference, currentUser.RequireUser(), now);
        await FinishAsync(request, before, kind, ct);
        return request;
    }

    /// <summary>The request if the caller may see it: applicant, filer, anyone on its route, their deputies, or a reader of all requests.</summary>
    public async Task<ApprovalRequest> GetAsync(Guid requestId, CancellationToken ct = default) =>
        await LoadVisibleAsync(requestId, ct, tracking: false);

    /// <summary>Whom the caller may act for on the request's current step (their own id first when they are an approver).</summary>
    public async Task<IReadOnlyList<Guid>> ActingForAsync(ApprovalRequest request, CancellationToken ct = default)
    {
        var me = currentUser.RequireUser();
        var pending = request.CurrentStep?.Approvers.Where(a => a.Decision is null).Select(a => a.UserId).ToList() ?? [];
        if (pending.Count == 0 || request.Status != RequestStatus.InProgress)
        {
            return [];
        }
        var result = pending.Contains(me) ? new List<Guid> { me } : [];
        var active = await proxies.ActiveForAsync(me, Now().Today, ct);
        result.AddRange(active.Where(d => d.Covers(request.KindCode) && pending.Contains(d.DelegatorId) && d.DelegatorId != request.ApplicantId).Select(d => d.DelegatorId));
        return result;
    }

    private async Task<ApprovalRequest> NewAsync(RequestInput input, CancellationToken ct)
    {
        var actor = currentUser.RequireUser();
        var kind = await kinds.FindAsync(input.Kind, ct);
        var applicantId = input.ApplicantId ?? actor;
        if (applicantId != actor)
        {
            await permissions.RequireAsync(WorkflowPermissions.FileForOthers, ct);
        }
        var applicant = await db.Memberships.Where(m => m.UserId == applicantId && m.IsActive)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(WorkflowMessages.NotAMember, "applicantId");
        var form = kind.CurrentForm;
        var values = await CheckFormAsync(form, input.Values, ct);
        var request = new ApprovalRequest(currentUser.RequireCompany(), kind.Code, input.Title, applicantId, actor, applicant, kind.CurrentFormVersion);
        request.Edit(actor, input.Title, values, form.AmountOf(values), Now().Utc);
        return request;
    }

    /// <summary>Normalises the values and checks that every user, department and file they name belongs to the company.</summary>
    private async Task<JsonObject> CheckFormAsync(FormDefinition form, JsonObject? values, CancellationToken ct)
    {
        var clean = form.Normalize(values);
        var errors = new Dictionary<string, string[]>();
        foreach (var reference in form.References(clean))
        {
            var exists = reference.Type switch
            {
                FieldType.User => await db.Memberships.AnyAsync(m => m.UserId == reference.Id && m.IsActive, ct),
                FieldType.Department => await db.Departments.AnyAsync(d => d.Id == reference.Id, ct),
                _ => await db.Files.AnyAsync(f => f.Id == reference.Id, ct),
            };
            if (!exists)
            {
                errors[reference.Field] = [WorkflowMessages.Format(WorkflowMessages.ReferenceNotFound, reference.Field)];
            }
        }
        return errors.Count > 0 ? throw new ValidationException(errors) : clean;
    }

    private async Task RouteAndSubmitAsync(ApprovalRequest request, CancellationToken ct)
    {
        var kind = await kinds.FindAsync(request.KindCode, ct);
        var (now, today) = Now();
        var (steps, reference) = await ResolveRouteAsync(kind, request, today, ct);
        var number = request.Number;
        if (number is null)
        {
            var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == request.CompanyId, ct);
            number = await numbering.TakeFormattedAsync("workflow." + kind.Code, kind.NumberPrefix, company.FiscalYearOf(today), ct);
        }
        await RequireSomeoneToDecideAsync(request.ApplicantId, steps, today, ct);
        if (kind.Handler is not null && services.GetRequiredService(kind.Handler) is IRequestKindHandler hook)
        {
            await hook.OnSubmittingAsync(request, ct);
        }
        var before = Snapshot.Of(request);
        request.Submit(number, steps, currentUser.RequireUser(), now, reference);
        await FinishAsync(request, before, kind, ct);
    }

    /// <summary>The route for the applicant as of <paramref name="date"/>: its branch and steps chosen by the conditions, then resolved to people.</summary>
    private async Task<(IReadOnlyList<ResolvedStep>, RouteReference)> ResolveRouteAsync(KindInfo kind, ApprovalRequest request, DateOnly date, CancellationToken ct)
    {
        var post = await org.PrimaryPostAsync(request.ApplicantId, date, ct);
        var chain = post is null ? [] : await org.ChainAsync(post.DepartmentId, ct);
        var (definition, reference) = await routeCatalog.ForAsync(kind, chain, ct);
        var context = new RouteContext(request.Amount, chain, post?.Rank ?? 0, request.Values);
        var steps = await resolver.ResolveAsync(request.ApplicantId, date, definition.Select(context), ct);
        return (steps, reference);
    }

    /// <summary>
    /// Approvers are those of the day a step starts waiting: a step that started waiting in this action (after the
    /// submission) is resolved again for the applicant today, so a transfer or a new appointment since submission
    /// is followed. A step that is now vacant is skipped, and the next one is looked at the same way.
    /// </summary>
    private async Task ResolveActivatedStepsAsync(ApprovalRequest request, CancellationToken ct)
    {
        var today = Now().Today;
        for (var guard = 0; guard < request.Steps.Count; guard++)
        {
            // Started waiting in this action (its time is the action's), not at the submission (resolved then already).
            var at = request.UpdatedAt;
            if (request.Status != RequestStatus.InProgress || request.CurrentStep is not { Definition: { } definition, ActivatedAt: { } since } step
                || since != at || request.Rounds.Count == 0 || request.Rounds[^1].SubmittedAt == at)
            {
                return;
            }
            var resolved = (await resolver.ResolveAsync(request.ApplicantId, today, [definition], ct))[0] with { Index = step.Index };
            if (!request.ReassignCurrentStep(resolved, at) || request.CurrentStep == step)
            {
                return;
            }
        }
    }

    /// <summary>
    /// A route where every step is skipped is decided at submission only for the top of the organisation (社長決裁:
    /// nobody is above the applicant). Anyone else — or someone without a post — gets a clear error instead of an
    /// approval nobody gave.
    /// </summary>
    private async Task RequireSomeoneToDecideAsync(Guid applicantId, IReadOnlyList<ResolvedStep> steps, DateOnly today, CancellationToken ct)
    {
        if (steps.Any(s => s.IsActive && s.Definition.Mode != StepMode.Circulate))
        {
            return;
        }
        if (await org.PrimaryPostAsync(applicantId, today, ct) is null || (await org.ManagersAsync(applicantId, today, 1, ct)).Count > 0)
        {
            throw new DomainException(WorkflowMessages.NoApproverFound);
        }
    }

    private async Task<ApprovalRequest> ActAsDeputyAsync(Guid requestId, Guid? onBehalfOf, Action<ApprovalRequest, Guid, Guid?, DateTime> action, CancellationToken ct)
    {
        var request = await LoadVisibleAsync(requestId, ct);
        var me = currentUser.RequireUser();
        var forWhom = onBehalfOf == me ? null : onBehalfOf;
        if (forWhom is null && request.CurrentStep?.Approvers.Any(a => a.UserId == me) != true)
        {
            // Not an approver: act for the approver whose deputy the caller is, if any.
            forWhom = (await ActingForAsync(request, ct)).FirstOrDefault(id => id != me) is { } d && d != Guid.Empty ? d : null;
        }
        else if (forWhom is { } a && !(await ActingForAsync(request, ct)).Contains(a))
        {
            throw new ConflictException(WorkflowMessages.NotADeputy);
        }
        return await ApplyAsync(request, (r, actor, now) => action(r, actor, forWhom, now), ct);
    }

    private async Task<ApprovalRequest> ActAsync(Guid requestId, Action<ApprovalRequest, Guid, DateTime> action, CancellationToken ct) =>
        await ApplyAsync(await LoadVisibleAsync(requestId, ct), action, ct);

    private async Task<ApprovalRequest> ApplyAsync(ApprovalRequest request, Action<ApprovalRequest, Guid, DateTime> action, CancellationToken ct)
    {
        var kind = await kinds.FindAsync(request.KindCode, ct);
        var before = Snapshot.Of(request);
        action(request, currentUser.RequireUser(), Now().Utc);
        await FinishAsync(request, before, kind, ct);
        return request;
    }

    /// <summary>Runs the kind's hook on a final decision, queues the notifications and saves it all at once.</summary>
    private async Task FinishAsync(ApprovalRequest request, Snapshot before, KindInfo kind, CancellationToken ct)
    {
        if (request.Status != before.Status && kind.Handler is not null && services.GetRequiredService(kind.Handler) is IRequestKindHandler hook)
        {
            var decision = new RequestDecision(request);
            var task = request.Status switch
            {
                RequestStatus.Approved => hook.OnApprovedAsync(decision, ct),
                RequestStatus.Rejected => hook.OnRejectedAsync(decision, ct),
                RequestStatus.Withdrawn => hook.OnWithdrawnAsync(decision, ct),
                _ => Task.CompletedTask,
            };
            await task;
        }
        await ResolveActivatedStepsAsync(request, ct);
        if (request.Status == RequestStatus.InProgress && request.CurrentStep is { DueDays: { } days, DueDate: null, ActivatedAt: { } since })
        {
            // Due in business days of the company calendar (土日, 祝日 and company days off do not count).
            var start = Platform.Kernel.JapanTime.DateOf(since);
            var businessDays = await calendar.ForYearsAsync(start.Year, start.Year + 1, ct);
            request.SetDueDate(businessDays.AddBusinessDays(start, days));
        }
        notifier.Queue(request, before, kind);
        await SaveAsync(ct);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the same request first (two approvers, or a double click): nothing of ours was saved
            // (the request's version check fails, and its inbox rows roll back with it).
            db.ChangeTracker.Clear();
            throw new ConflictException(WorkflowMessages.AlreadyDecided);
        }
    }

    private async Task<ApprovalRequest> LoadVisibleAsync(Guid requestId, CancellationToken ct, bool tracking = true)
    {
        var query = tracking ? db.Set<ApprovalRequest>() : db.Set<ApprovalRequest>().AsNoTracking();
        var request = await query.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Request");
        var me = currentUser.RequireUser();
        if (request.ApplicantId == me || request.FiledBy == me || Involved(request, me) || await permissions.HasAsync(WorkflowPermissions.RequestsReadAll, ct))
        {
            return request;
        }
        var delegators = await proxies.ActiveForAsync(me, Now().Today, ct);
        return delegators.Any(d => d.Covers(request.KindCode) && Involved(request, d.DelegatorId)) ? request : throw new NotFoundException("Request");
    }

    private static bool Involved(ApprovalRequest request, Guid userId) =>
        request.Steps.Any(s => s.Approvers.Any(a => a.UserId == userId || a.ActedBy == userId)) || request.History.Any(h => h.ActorId == userId || h.OnBehalfOf == userId);

    private (DateTime Utc, DateOnly Today) Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, Platform.Kernel.JapanTime.DateOf(now));
    }
}

/// <summary>Who was waiting and in what state the request was before an action (to tell who is new and what changed).</summary>
public sealed record Snapshot(RequestStatus Status, IReadOnlySet<Guid> Waiting)
{
    public static Snapshot Of(ApprovalRequest request) =>
        new(request.Status, request.Participants.Where(p => p.Kind != ParticipantKind.Acted).Select(p => p.UserId).ToHashSet());
}

public sealed record BulkResult(Guid RequestId, string? Number, bool Succeeded, string? Error);
