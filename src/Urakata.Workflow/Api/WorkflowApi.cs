using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Urakata.Platform.Api;
using Urakata.Platform.Security;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Api;

public sealed record NewRequestBody(string Kind, string Title, JsonObject? Values, Guid? ApplicantId = null, bool Submit = true);

public sealed record UpdateRequestBody(string Title, JsonObject? Values, int? Version = null);

/// <summary>Body of an action: a comment (required to reject or send back), whom a deputy acts for, the step to send back to.</summary>
public sealed record ActionBody(string? Comment = null, Guid? OnBehalfOf = null, int? ToStep = null, Guid? FileId = null);

public sealed record AddApproverBody(Guid UserId);

public sealed record BulkApproveBody(IReadOnlyList<Guid> Ids, string? Comment = null);

public sealed record KindView(string Code, string Name, string NameEn, string NumberPrefix, int CurrentFormVersion, bool IsBuiltIn, FormDefinition Form);

public sealed record AbsenceBody(Guid UserId, DateOnly From, DateOnly To, string Source);

/// <summary>REST endpoints of the approval engine under <c>/api/v1/workflow</c>.</summary>
internal static class WorkflowApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/workflow").WithTags("Workflow");

        var kinds = g.MapGroup("/kinds");
        kinds.MapGet("", async (RequestKinds k, CancellationToken ct) => (await k.ListAsync(ct)).Select(View));
        kinds.MapGet("/{code}", async (string code, RequestKinds k, CancellationToken ct) => View(await k.FindAsync(code, ct)));
        kinds.MapPost("", async (KindInput body, RequestKinds k, CancellationToken ct) =>
        {
            var created = await k.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/workflow/kinds/{created.Code}", View(created));
        }).RequirePermission(WorkflowPermissions.KindsManage);
        kinds.MapPost("/{code}/forms", async (string code, FormDefinition body, RequestKinds k, CancellationToken ct) => View(await k.PublishFormAsync(code, body, ct)))
            .RequirePermission(WorkflowPermissions.KindsManage);

        var routes = g.MapGroup("/routes").RequirePermission(WorkflowPermissions.RoutesManage);
        routes.MapGet("", (RouteCatalog r, CancellationToken ct) => r.ListAsync(ct));
        routes.MapGet("/{id:guid}", (Guid id, RouteCatalog r, CancellationToken ct) => r.GetAsync(id, ct)).ForResource<ApprovalRoute>();
        routes.MapPost("", async (RouteInput body, RouteCatalog r, CancellationToken ct) =>
        {
            var created = await r.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/workflow/routes/{created.Id}", created);
        });
        routes.MapPost("/{id:guid}/versions", (Guid id, RouteDefinition body, RouteCatalog r, CancellationToken ct) => r.PublishAsync(id, body, ct))
            .ForResource<ApprovalRoute>();

        var requests = g.MapGroup("/requests");
        requests.MapPost("", async (NewRequestBody body, RequestService s, RequestViews v, CancellationToken ct) =>
        {
            var input = new RequestInput(body.Kind, body.Title, body.Values, body.ApplicantId);
            var created = body.Submit ? await s.SubmitNewAsync(input, ct) : await s.DraftAsync(input, ct);
            return TypedResults.Created($"/api/v1/workflow/requests/{created.Id}", await v.ViewAsync(created, ct));
        });
        requests.MapGet("/{id:guid}", (Guid id, RequestViews v, CancellationToken ct) => v.GetAsync(id, ct)).ForResource<ApprovalRequest>();
        requests.MapGet("/{id:guid}/pdf", async (Guid id, Pdf.ApprovalPdfs pdfs, CancellationToken ct) =>
        {
            var (pdf, fileName) = await pdfs.RenderAsync(id, ct);
            return TypedResults.File(pdf, "application/pdf", fileName);
        }).ForResource<ApprovalRequest>();
        requests.MapPut("/{id:guid}", async (Guid id, UpdateRequestBody body, HttpRequest http, RequestService s, RequestViews v, CancellationToken ct) =>
            await v.ViewAsync(await s.UpdateAsync(id, body.Title, body.Values, http.IfMatchVersion() ?? body.Version, ct), ct)).ForResource<ApprovalRequest>();
        Action(requests, "submit", (s, id, _, ct) => s.SubmitAsync(id, ct));
        Action(requests, "approve", (s, id, b, ct) => s.ApproveAsync(id, b.OnBehalfOf, b.Comment, ct));
        Action(requests, "reject", (s, id, b, ct) => s.RejectAsync(id, b.OnBehalfOf, b.Comment, ct));
        Action(requests, "send-back", (s, id, b, ct) => s.SendBackAsync(id, b.OnBehalfOf, b.Comment, b.ToStep, ct));
        Action(requests, "confirm", (s, id, _, ct) => s.ConfirmAsync(id, ct));
        Action(requests, "retract", (s, id, _, ct) => s.RetractAsync(id, ct));
        Action(requests, "pull-back", (s, id, _, ct) => s.PullBackAsync(id, ct));
        Action(requests, "withdraw", (s, id, _, ct) => s.WithdrawAsync(id, ct));
        Action(requests, "comments", (s, id, b, ct) => s.CommentAsync(id, b.Comment, b.FileId, ct));
        Action(requests, "migrate", (s, id, _, ct) => s.MigrateRouteAsync(id, ct)).RequirePermission(WorkflowPermissions.RoutesManage);
        requests.MapPost("/{id:guid}/approvers", async (Guid id, AddApproverBody body, RequestService s, RequestViews v, CancellationToken ct) =>
            await v.ViewAsync(await s.AddApproverAsync(id, body.UserId, ct), ct)).ForResource<ApprovalRequest>();
        requests.MapPost("/bulk-approve", (BulkApproveBody body, RequestService s, CancellationToken ct) => s.BulkApproveAsync(body.Ids, body.Comment, ct));

        var inbox = g.MapGroup("/inbox");
        inbox.MapGet("", ([AsParameters] InboxParameters p, InboxQuery q, CancellationToken ct) =>
            q.SearchAsync(new InboxFilter(p.Box ?? InboxBox.Waiting, p.Q, p.Kind, p.AmountMin, p.AmountMax, p.From, p.To, p.Status, p.Skip ?? 0, p.Take ?? 50), ct));
        inbox.MapGet("/counts", (InboxQuery q, CancellationToken ct) => q.CountsAsync(ct));

        g.MapGet("/analytics", (DateOnly from, DateOnly to, Analytics.ApprovalAnalytics a, CancellationToken ct) => a.ReportAsync(from, to, ct))
            .RequirePermission(WorkflowPermissions.AnalyticsRead);

        var proxies = g.MapGroup("/proxy-approvals");
        proxies.MapGet("", (ProxyApprovalService d, CancellationToken ct) => d.MineAsync(ct));
        proxies.MapPost("", async (ProxyApprovalInput body, ProxyApprovalService d, CancellationToken ct) =>
        {
            var created = await d.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/workflow/proxy-approvals/{created.Id}", created);
        });
        proxies.MapDelete("/{id:guid}", async (Guid id, ProxyApprovalService d, CancellationToken ct) =>
        {
            await d.RevokeAsync(id, ct);
            return TypedResults.NoContent();
        }).ForResource<ProxyApproval>();
        g.MapPost("/absences", async (AbsenceBody body, ProxyApprovalService d, CancellationToken ct) =>
        {
            await d.RecordAbsenceAsync(body.UserId, body.From, body.To, body.Source, ct);
            return TypedResults.NoContent();
        }).RequirePermission(WorkflowPermissions.ProxyApprovalsManage);
    }

    private static RouteHandlerBuilder Action(RouteGroupBuilder group, string name, Func<RequestService, Guid, ActionBody, CancellationToken, Task<ApprovalRequest>> act) =>
        group.MapPost("/{id:guid}/" + name, async (Guid id, ActionBody? body, RequestService s, RequestViews v, CancellationToken ct) =>
            await v.ViewAsync(await act(s, id, body ?? new ActionBody(), ct), ct)).ForResource<ApprovalRequest>();

    private static KindView View(KindInfo k) => new(k.Code, k.Name, k.NameEn, k.NumberPrefix, k.CurrentFormVersion, k.IsBuiltIn, k.CurrentForm);
}

internal sealed record InboxParameters(InboxBox? Box, string? Q, string? Kind, long? AmountMin, long? AmountMax, DateOnly? From, DateOnly? To, RequestStatus? Status, int? Skip, int? Take);
