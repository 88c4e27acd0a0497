using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Numbering;
using Urakata.Platform.Security;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

/// <summary>
/// Files and moves requests: resolves the route for the applicant on the day, takes the request number inside
/// the submitting transaction (gap-free), and turns a lost race between two approvers into "already decided".
/// </summary>
public sealed class RequestService(UrakataDbContext db, RouteResolver routes, NumberingService numbering, CurrentUser currentUser, TimeProvider clock)
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Creates and submits a request; <paramref name="applicantId"/> differs from the caller for 代理申請.</summary>
    public async Task<ApprovalRequest> SubmitAsync(string kindCode, string numberPrefix, string title, Guid applicantId, IReadOnlyList<StepDefinition> route, CancellationToken ct = default)
    {
        var actor = currentUser.RequireUser();
        var request = new ApprovalRequest(currentUser.RequireCompany(), kindCode, title, applicantId, actor);
        return await db.InTransactionAsync(async token =>
        {
            var (now, today) = Now();
            var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == request.CompanyId, token);
            var number = await numbering.TakeFormattedAsync("workflow." + kindCode, numberPrefix, company.FiscalYearOf(today), token);
            request.Submit(number, await routes.ResolveAsync(applicantId, today, route, token), actor, now);
            db.Add(request);
            await db.SaveChangesAsync(token);
            return request;
        }, ct);
    }

    public Task<ApprovalRequest> ApproveAsync(Guid requestId, Guid? onBehalfOf, string? comment, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.Approve(actor, onBehalfOf, comment, now), ct);

    public Task<ApprovalRequest> RejectAsync(Guid requestId, Guid? onBehalfOf, string? comment, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.Reject(actor, onBehalfOf, comment, now), ct);

    public Task<ApprovalRequest> SendBackAsync(Guid requestId, Guid? onBehalfOf, string? comment, int? toStep, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.SendBack(actor, onBehalfOf, comment, toStep, now), ct);

    public Task<ApprovalRequest> WithdrawAsync(Guid requestId, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.Withdraw(actor, now), ct);

    public Task<ApprovalRequest> PullBackAsync(Guid requestId, CancellationToken ct = default) =>
        ActAsync(requestId, (r, actor, now) => r.PullBack(actor, now), ct);

    private async Task<ApprovalRequest> ActAsync(Guid requestId, Action<ApprovalRequest, Guid, DateTime> action, CancellationToken ct)
    {
        var actor = currentUser.RequireUser();
        var request = await db.Set<ApprovalRequest>().SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Request");
        action(request, actor, Now().Utc);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the same request first (two approvers, or a double click): nothing of ours was saved.
            db.ChangeTracker.Clear();
            throw new ConflictException(WorkflowMessages.AlreadyDecided);
        }
        return request;
    }

    private (DateTime Utc, DateOnly Today) Now()
    {
        var now = clock.GetUtcNow();
        return (now.UtcDateTime, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Tokyo).DateTime));
    }
}
