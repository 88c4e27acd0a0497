using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Urakata.Platform;
using Urakata.Platform.Data;
using Urakata.Platform.Org;
using Urakata.Platform.Security;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Requests;

/// <summary>
/// Every business morning: reminds the approvers of a step on the business day before it is due and once more
/// when it is overdue, and after the step's <c>EscalateAfterDays</c> business days past due adds each waiting
/// approver's manager to the step (エスカレーション). Idempotent: what was sent is recorded on the step in the same
/// transaction as the notifications, so a second run (or a second node) sends nothing more.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineJob(
    UrakataDbContext db, CurrentUser currentUser, CompanyCalendar calendars, OrgDirectory org, RequestKinds kinds, RequestNotifier notifier,
    TimeProvider clock, ILogger<DeadlineJob> logger) : IJob
{
    public static readonly JobKey Key = new("workflow.deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>One pass over every company; returns how many reminders and escalations it made.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Platform.Kernel.JapanTime.DateOf(now);
        // A week ahead covers "the business day before" across any run of holidays short of ゴールデンウィーク's longest.
        var horizon = today.AddDays(7);
        List<(Guid Company, Guid Id)> due;
        using (currentUser.AsSystem("workflow-deadlines"))
        {
            due = (await db.Set<ApprovalRequest>().AsNoTracking()
                .Where(r => r.Status == RequestStatus.InProgress && r.CurrentDueDate != null && r.CurrentDueDate <= horizon)
                .Select(r => new { r.CompanyId, r.Id }).ToListAsync(ct)).Select(r => (r.CompanyId, r.Id)).ToList();
        }
        var done = 0;
        foreach (var company in due.GroupBy(d => d.Company))
        {
            using var _ = currentUser.InCompany(company.Key, null, "workflow-deadlines");
            var calendar = await calendars.ForYearsAsync(today.Year - 1, today.Year + 1, ct);
            foreach (var (_, id) in company)
            {
                try
                {
                    done += await HandleAsync(id, calendar, today, now, ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone acted on the request meanwhile (or another node ran this pass): the next run looks again.
                    db.ChangeTracker.Clear();
                    logger.LogInformation("Request {RequestId} changed during the deadline pass; skipped.", id);
                }
            }
        }
        return done;
    }

    private async Task<int> HandleAsync(Guid id, Platform.Kernel.BusinessCalendar calendar, DateOnly today, DateTime now, CancellationToken ct)
    {
        var request = await db.Set<ApprovalRequest>().SingleAsync(r => r.Id == id, ct);
        if (request.CurrentStep is not { DueDate: { } dueDate } step)
        {
            return 0;
        }
        var kind = await kinds.FindAsync(request.KindCode, ct);
        var waiting = step.Approvers.Where(a => a.Decision is null).Select(a => a.UserId).ToList();
        var done = 0;
        if (step.EscalateAfterDays is { } after && !step.Escalated && today >= calendar.AddBusinessDays(dueDate, after))
        {
            var managers = new List<Approver>();
            foreach (var approver in waiting)
            {
                managers.AddRange((await org.ManagersAsync(approver, today, 1, ct))
                    .Where(m => m.UserId != request.ApplicantId && !waiting.Contains(m.UserId))
                    .Select(m => new Approver(m.UserId, m.DisplayName, m.Rank)));
            }
            var added = managers.DistinctBy(m => m.UserId).ToList();
            if (added.Count > 0)
            {
                request.AddApprovers(step.Index, added, Guid.Empty, "escalate", now);
                foreach (var m in added)
                {
                    notifier.Remind(request, m.UserId, nameof(WorkflowMessages.NotifyEscalated), kind);
                }
                done++;
            }
        }
        if (today > dueDate && request.MarkReminded(overdue: true, now))
        {
            waiting.ForEach(u => notifier.Remind(request, u, nameof(WorkflowMessages.NotifyOverdue), kind));
            done++;
        }
        else if (today <= dueDate && today >= calendar.AddBusinessDays(dueDate, -1) && request.MarkReminded(overdue: false, now))
        {
            waiting.ForEach(u => notifier.Remind(request, u, nameof(WorkflowMessages.NotifyReminder), kind));
            done++;
        }
        await db.SaveChangesAsync(ct);
        return done;
    }
}
