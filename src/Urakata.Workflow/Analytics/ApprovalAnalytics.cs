using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;

namespace Urakata.Workflow.Analytics;

/// <summary>Lead time in hours: how many, the mean, the median and the slowest.</summary>
public sealed record LeadTime(int Count, double MeanHours, double MedianHours, double MaxHours)
{
    public static LeadTime Of(IReadOnlyCollection<double> hours)
    {
        if (hours.Count == 0)
        {
            return new LeadTime(0, 0, 0, 0);
        }
        var sorted = hours.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return new LeadTime(sorted.Count, Math.Round(sorted.Average(), 1), Math.Round(median, 1), Math.Round(sorted[^1], 1));
    }
}

public sealed record KindLeadTime(string KindCode, string KindName, LeadTime Decided);

public sealed record StepLeadTime(string KindCode, string KindName, string StepName, LeadTime Decided);

public sealed record ApproverLeadTime(Guid UserId, string Name, LeadTime Decided, int WaitingNow, int OverdueNow);

public sealed record OverdueRequest(Guid Id, string? Number, string Title, string KindName, string ApplicantName, string? StepName, DateOnly DueDate, int DaysOverdue, IReadOnlyList<string> WaitingFor);

public sealed record ApprovalReport(DateOnly From, DateOnly To, int Submitted, IReadOnlyList<KindLeadTime> Kinds, IReadOnlyList<StepLeadTime> Steps,
    IReadOnlyList<ApproverLeadTime> Approvers, IReadOnlyList<OverdueRequest> Overdue);

/// <summary>
/// Where approvals stall: lead time per kind (submitted → decided), per step (waiting → decided) and per
/// approver, the requests overdue now, and the slowest approvers. Reads the requests submitted in the period.
/// </summary>
public sealed class ApprovalAnalytics(UrakataDbContext db, RequestKinds kinds, PermissionService permissions, TimeProvider clock)
{
    /// <summary>The longest-overdue requests listed (the counts per approver cover all of them).</summary>
    private const int MaxOverdueListed = 200;

    public async Task<ApprovalReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await permissions.RequireAsync(WorkflowPermissions.AnalyticsRead, ct);
        var (start, end) = (JapanTime.StartUtc(from), JapanTime.StartUtc(to.AddDays(1)));
        // The period's requests are read whole (their steps hold the decision times); what waits now comes from the
        // inbox index, so a company with many open requests is not loaded into memory for the counts.
        var inPeriod = await db.Set<ApprovalRequest>().AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end).ToListAsync(ct);
        var kindNames = (await kinds.ListAsync(ct)).ToDictionary(k => k.Code, k => k.Name);
        string KindName(string code) => kindNames.GetValueOrDefault(code, code);
        var today = JapanTime.Today(clock);

        var byKind = inPeriod.GroupBy(r => r.KindCode).Select(g => new KindLeadTime(g.Key, KindName(g.Key),
            LeadTime.Of(g.Where(r => r.DecidedAt is not null && r.Status is RequestStatus.Approved or RequestStatus.Rejected)
                .Select(r => (r.DecidedAt!.Value - r.Rounds[^1].SubmittedAt).TotalHours).ToList()))).OrderBy(k => k.KindName, StringComparer.Ordinal).ToList();

        var decisions = inPeriod.SelectMany(r => r.Steps.Where(s => s.ActivatedAt is not null && !s.IsCirculation)
            .SelectMany(s => s.Approvers.Where(a => a.DecidedAt is not null).Select(a => (Request: r, Step: s, Approver: a, Hours: (a.DecidedAt!.Value - s.ActivatedAt!.Value).TotalHours))))
            .ToList();
        var bySteps = decisions.GroupBy(d => (d.Request.KindCode, d.Step.Name)).Select(g => new StepLeadTime(g.Key.KindCode, KindName(g.Key.KindCode), g.Key.Name,
            LeadTime.Of(g.Select(d => d.Hours).ToList()))).OrderByDescending(s => s.Decided.MeanHours).ToList();

        var pending = db.Set<RequestParticipant>().AsNoTracking().Where(p => p.Kind == ParticipantKind.Pending)
            .Join(db.Set<ApprovalRequest>().AsNoTracking(), p => p.RequestId, r => r.Id, (p, r) => new { p.UserId, Overdue = r.CurrentDueDate < today });
        var waiting = await pending.GroupBy(p => p.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count(), Overdue = g.Count(x => x.Overdue) }).ToDictionaryAsync(x => x.UserId, ct);
        var approverIds = decisions.Select(d => d.Approver.UserId).Concat(waiting.Keys).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => approverIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var byApprover = approverIds.Select(id => new ApproverLeadTime(id, names.GetValueOrDefault(id, ""),
                LeadTime.Of(decisions.Where(d => d.Approver.UserId == id).Select(d => d.Hours).ToList()),
                waiting.TryGetValue(id, out var w) ? w.Count : 0,
                waiting.TryGetValue(id, out var o) ? o.Overdue : 0))
            .OrderByDescending(a => a.Decided.MeanHours).ThenByDescending(a => a.OverdueNow).ToList();

        var overdue = (await db.Set<ApprovalRequest>().AsNoTracking()
                .Where(r => r.Status == RequestStatus.InProgress && r.CurrentDueDate < today).OrderBy(r => r.CurrentDueDate).Take(MaxOverdueListed).ToListAsync(ct))
            .Select(r => new OverdueRequest(r.Id, r.Number, r.Title, KindName(r.KindCode), r.ApplicantName, r.CurrentStepName, r.CurrentDueDate!.Value,
                today.DayNumber - r.CurrentDueDate!.Value.DayNumber, r.CurrentStep?.Approvers.Where(a => a.Decision is null).Select(a => a.DisplayName).ToList() ?? []))
            .ToList();
        return new ApprovalReport(from, to, inPeriod.Count, byKind, bySteps, byApprover, overdue);
    }
}
