using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Modules;
using Urakata.Platform.Security;
using Urakata.Workflow.ProxyApprovals;

namespace Urakata.Workflow.Requests;

/// <summary>The boxes of the inbox.</summary>
public enum InboxBox
{
    /// <summary>Waiting for my decision, or for someone I am deputy for today.</summary>
    Waiting,
    /// <summary>回覧 to me, not confirmed yet.</summary>
    Circulated,
    /// <summary>Requests I filed or that were filed for me.</summary>
    Mine,
    /// <summary>Requests I (or someone as my deputy) approved, rejected, sent back or confirmed.</summary>
    Done,
}

public sealed record InboxFilter(
    InboxBox Box = InboxBox.Waiting, string? Text = null, string? Kind = null, long? AmountMin = null, long? AmountMax = null,
    DateOnly? From = null, DateOnly? To = null, RequestStatus? Status = null, int Skip = 0, int Take = 50);

/// <summary>One line of the inbox; <see cref="ForUserId"/> is set when it waits for someone the reader is deputy for.</summary>
public sealed record InboxItem(Guid Id, string? Number, string Title, string KindCode, Guid ApplicantId, string ApplicantName, long? Amount,
    RequestStatus Status, string? CurrentStepName, DateTime? SubmittedAt, DateTime UpdatedAt, Guid? ForUserId);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total);

public sealed record InboxCounts(int Waiting, int Circulated, int MineOpen);

/// <summary>
/// The one inbox across every kind. "Waiting" and "circulated" read the participant index
/// (<c>wf_participants</c>: company, user, kind) and join the request rows; "mine" reads the requests by applicant.
/// </summary>
public sealed class InboxQuery(UrakataDbContext db, CurrentUser currentUser, ProxyApprovalService proxies, TimeProvider clock) : IMenuBadgeSource
{
    public const string WaitingBadge = "workflow.waiting";

    public async Task<InboxPage> SearchAsync(InboxFilter filter, CancellationToken ct = default)
    {
        var me = currentUser.RequireUser();
        var company = CurrentCompany;
        var requests = Filter(db.Set<ApprovalRequest>().AsNoTracking().Where(r => r.CompanyId == company), filter);
        var deputyFor = await DeputyForAsync(me, ct);
        switch (filter.Box)
        {
            case InboxBox.Waiting or InboxBox.Circulated or InboxBox.Done:
                var kind = filter.Box switch
                {
                    InboxBox.Waiting => ParticipantKind.Pending,
                    InboxBox.Circulated => ParticipantKind.Circulated,
                    _ => ParticipantKind.Acted,
                };
                var query = Rows(company, kind, me, filter.Box == InboxBox.Waiting ? deputyFor : [])
                    .Join(requests, p => p.RequestId, r => r.Id, (p, r) => new { r, p.UserId });
                var total = await query.Select(x => x.r.Id).Distinct().CountAsync(ct);
                // Only the list columns: the steps and history JSON stay in the database.
                var page = await query.OrderByDescending(x => x.r.UpdatedAt).ThenBy(x => x.r.Id).Skip(filter.Skip).Take(Math.Clamp(filter.Take, 1, 200))
                    .Select(x => new
                    {
                        x.UserId,
                        Item = new InboxItem(x.r.Id, x.r.Number, x.r.Title, x.r.KindCode, x.r.ApplicantId, x.r.ApplicantName, x.r.Amount, x.r.Status,
                            x.r.CurrentStepName, x.r.SubmittedAt, x.r.UpdatedAt, null),
                    }).ToListAsync(ct);
                var items = page
                    .GroupBy(x => x.Item.Id).Select(g => g.OrderBy(x => x.UserId == me ? 0 : 1).First())
                    .Select(x => x.UserId == me ? x.Item : x.Item with { ForUserId = x.UserId }).ToList();
                return new InboxPage(items, total);
            default:
                var mine = Mine(requests, me);
                var count = await mine.CountAsync(ct);
                var list = await mine.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Skip(filter.Skip).Take(Math.Clamp(filter.Take, 1, 200))
                    .Select(r => new InboxItem(r.Id, r.Number, r.Title, r.KindCode, r.ApplicantId, r.ApplicantName, r.Amount, r.Status, r.CurrentStepName,
                        r.SubmittedAt, r.UpdatedAt, null)).ToListAsync(ct);
                return new InboxPage(list, count);
        }
    }

    public async Task<InboxCounts> CountsAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireUser();
        var company = CurrentCompany;
        var deputyFor = await DeputyForAsync(me, ct);
        var participants = db.Set<RequestParticipant>().AsNoTracking().Where(p => p.CompanyId == company);
        var waiting = deputyFor.Count == 0
            ? await participants.CountAsync(p => p.UserId == me && p.Kind == ParticipantKind.Pending, ct)
            : await Rows(company, ParticipantKind.Pending, me, deputyFor).Select(x => x.RequestId).Distinct().CountAsync(ct);
        var circulated = await participants.CountAsync(p => p.UserId == me && p.Kind == ParticipantKind.Circulated, ct);
        var openRequests = db.Set<ApprovalRequest>().AsNoTracking().Where(r => r.CompanyId == company
            && (r.Status == RequestStatus.InProgress || r.Status == RequestStatus.SentBack || r.Status == RequestStatus.Draft));
        var open = await Mine(openRequests, me).CountAsync(ct);
        return new InboxCounts(waiting, circulated, open);
    }

    async Task<IReadOnlyDictionary<string, int>> IMenuBadgeSource.CountsAsync(CancellationToken ct) =>
        new Dictionary<string, int> { [WaitingBadge] = (await CountsAsync(ct)).Waiting };

    private async Task<IReadOnlyList<ActiveProxyApproval>> DeputyForAsync(Guid me, CancellationToken ct) =>
        await proxies.ActiveForAsync(me, Platform.Kernel.JapanTime.Today(clock), ct);

    /// <summary>
    /// The current company, stated in each inbox query although the company filter already applies: the filter reads
    /// <c>(@allCompanies OR company_id = @company)</c>, which SQLite cannot use as an index key, so every
    /// (company, …) index was passed over for a scan of the table (p95 73 ms at 100,000 requests, bench/README.md).
    /// The inbox always runs for a user in one company (never as the system), so the result is the same.
    /// </summary>
    private Guid CurrentCompany => currentUser.CompanyId ?? Guid.Empty;

    /// <summary>
    /// The inbox rows of <paramref name="kind"/> for the reader and for everyone they are deputy for today, each
    /// delegation only for the kinds it covers (one index range per person, joined to the filtered requests).
    /// </summary>
    private IQueryable<InboxRow> Rows(Guid company, ParticipantKind kind, Guid me, IReadOnlyList<ActiveProxyApproval> deputyFor)
    {
        IQueryable<InboxRow> For(Guid user, IReadOnlyList<string> kinds)
        {
            var rows = db.Set<RequestParticipant>().AsNoTracking().Where(p => p.CompanyId == company && p.UserId == user && p.Kind == kind);
            if (kinds.Count > 0)
            {
                rows = rows.Where(p => db.Set<ApprovalRequest>().Any(r => r.Id == p.RequestId && kinds.Contains(r.KindCode)));
            }
            return rows.Select(p => new InboxRow { RequestId = p.RequestId, UserId = p.UserId });
        }
        var query = For(me, []);
        foreach (var d in deputyFor.Where(d => d.DelegatorId != me))
        {
            query = query.Concat(For(d.DelegatorId, d.KindCodes));
        }
        return query;
    }

    private sealed class InboxRow
    {
        public Guid RequestId { get; init; }
        public Guid UserId { get; init; }
    }

    /// <summary>
    /// Requests the user applied for, or filed for someone else (代理申請): two index ranges (applicant, filer) rather
    /// than one <c>OR</c> across the two columns, which both databases answered with a scan of the company's requests.
    /// </summary>
    private static IQueryable<ApprovalRequest> Mine(IQueryable<ApprovalRequest> requests, Guid me) =>
        requests.Where(r => r.ApplicantId == me).Concat(requests.Where(r => r.FiledBy == me && r.ApplicantId != me));

    private static IQueryable<ApprovalRequest> Filter(IQueryable<ApprovalRequest> query, InboxFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var like = "%" + f.Text.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(r => EF.Functions.Like(r.Number!, like) || EF.Functions.Like(r.Title, like) || EF.Functions.Like(r.ApplicantName, like));
        }
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            query = query.Where(r => r.KindCode == f.Kind);
        }
        if (f.AmountMin is { } min)
        {
            query = query.Where(r => r.Amount >= min);
        }
        if (f.AmountMax is { } max)
        {
            query = query.Where(r => r.Amount <= max);
        }
        if (f.From is { } from)
        {
            var start = Platform.Kernel.JapanTime.StartUtc(from);
            query = query.Where(r => r.SubmittedAt >= start);
        }
        if (f.To is { } to)
        {
            var end = Platform.Kernel.JapanTime.StartUtc(to.AddDays(1));
            query = query.Where(r => r.SubmittedAt < end);
        }
        if (f.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        return query;
    }
}
