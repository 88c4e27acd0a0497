using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Workflow.ProxyApprovals;

public sealed record ProxyApprovalInput(Guid DeputyId, DateOnly From, DateOnly To, IReadOnlyList<string>? KindCodes = null, bool OnlyWhenAbsent = false, string? Reason = null, Guid? DelegatorId = null);

public sealed record ProxyApprovalDto(Guid Id, Guid DelegatorId, string DelegatorName, Guid DeputyId, string DeputyName, DateOnly From, DateOnly To,
    IReadOnlyList<string> KindCodes, bool OnlyWhenAbsent, string? Reason, bool IsRevoked);

/// <summary>Someone the deputy may act for today, and for which kinds (empty: all).</summary>
public sealed record ActiveProxyApproval(Guid DelegatorId, IReadOnlyList<string> KindCodes)
{
    public bool Covers(string kind) => KindCodes.Count == 0 || KindCodes.Contains(kind, StringComparer.Ordinal);
}

/// <summary>
/// 代理承認: who may act for whom on a date. A person names their own deputy; someone holding
/// <c>workflow.proxy-approvals.manage</c> can set one for anybody. Absences (approved leave, recorded by the leave
/// module through <see cref="RecordAbsenceAsync"/>) switch on the deputies that act only while the person is away.
/// </summary>
public sealed class ProxyApprovalService(UrakataDbContext db, CurrentUser currentUser, PermissionService permissions)
{
    public async Task<ProxyApprovalDto> CreateAsync(ProxyApprovalInput input, CancellationToken ct = default)
    {
        var me = currentUser.RequireUser();
        var delegator = input.DelegatorId ?? me;
        if (delegator != me)
        {
            await permissions.RequireAsync(WorkflowPermissions.ProxyApprovalsManage, ct);
        }
        await RequireMemberAsync(delegator, ct);
        await RequireMemberAsync(input.DeputyId, ct);
        var d = new ProxyApproval(currentUser.RequireCompany(), delegator, input.DeputyId, input.From, input.To, input.KindCodes, input.OnlyWhenAbsent, input.Reason);
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync(db.Set<ProxyApproval>().Where(x => x.Id == d.Id), ct))[0];
    }

    /// <summary>Delegations the caller gave or received.</summary>
    public async Task<IReadOnlyList<ProxyApprovalDto>> MineAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireUser();
        return await ToDtosAsync(db.Set<ProxyApproval>().Where(d => d.DelegatorId == me || d.DeputyId == me), ct);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var d = await db.Set<ProxyApproval>().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Proxy approval");
        if (d.DelegatorId != currentUser.RequireUser())
        {
            await permissions.RequireAsync(WorkflowPermissions.ProxyApprovalsManage, ct);
        }
        d.Revoke();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records that <paramref name="userId"/> is away (the leave module calls this when a leave is approved).</summary>
    public async Task RecordAbsenceAsync(Guid userId, DateOnly from, DateOnly to, string source, CancellationToken ct = default)
    {
        if (!await db.Set<Absence>().AnyAsync(a => a.UserId == userId && a.Source == source && a.From == from && a.To == to, ct))
        {
            db.Add(new Absence(currentUser.RequireCompany(), userId, from, to, source));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Removes the absences recorded for <paramref name="source"/> (a cancelled leave).</summary>
    public async Task CancelAbsenceAsync(string source, CancellationToken ct = default)
    {
        db.RemoveRange(await db.Set<Absence>().Where(a => a.Source == source).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Removes the absence recorded for <paramref name="userId"/> from <paramref name="from"/> to <paramref name="to"/> by
    /// <paramref name="source"/> (one cancelled leave); committed with the caller's save (a decision hook's transaction).
    /// </summary>
    public async Task CancelAbsenceAsync(Guid userId, DateOnly from, DateOnly to, string source, CancellationToken ct = default) =>
        db.RemoveRange(await db.Set<Absence>().Where(a => a.UserId == userId && a.Source == source && a.From == from && a.To == to).ToListAsync(ct));

    /// <summary>Everyone <paramref name="deputyId"/> may act for on <paramref name="date"/>.</summary>
    public async Task<IReadOnlyList<ActiveProxyApproval>> ActiveForAsync(Guid deputyId, DateOnly date, CancellationToken ct = default)
    {
        var candidates = await db.Set<ProxyApproval>().AsNoTracking()
            .Where(d => d.DeputyId == deputyId && !d.IsRevoked && d.From <= date && d.To >= date)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }
        var absentIds = candidates.Where(d => d.OnlyWhenAbsent).Select(d => d.DelegatorId).Distinct().ToList();
        var absent = absentIds.Count == 0 ? [] : await db.Set<Absence>().AsNoTracking()
            .Where(a => absentIds.Contains(a.UserId) && a.From <= date && a.To >= date).Select(a => a.UserId).Distinct().ToListAsync(ct);
        return candidates.Where(d => !d.OnlyWhenAbsent || absent.Contains(d.DelegatorId))
            .GroupBy(d => d.DelegatorId)
            .Select(g => new ActiveProxyApproval(g.Key, g.Any(d => d.KindCodes.Length == 0) ? [] : g.SelectMany(d => d.KindCodes.Split(',')).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private async Task RequireMemberAsync(Guid userId, CancellationToken ct)
    {
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.IsActive, ct))
        {
            throw new DomainException(WorkflowMessages.NotAMember, "deputyId");
        }
    }

    private async Task<List<ProxyApprovalDto>> ToDtosAsync(IQueryable<ProxyApproval> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderByDescending(d => d.From).ToListAsync(ct);
        var ids = rows.SelectMany(d => new[] { d.DelegatorId, d.DeputyId }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(d => new ProxyApprovalDto(d.Id, d.DelegatorId, names.GetValueOrDefault(d.DelegatorId, ""), d.DeputyId, names.GetValueOrDefault(d.DeputyId, ""),
            d.From, d.To, d.KindCodes.Length == 0 ? [] : d.KindCodes.Split(','), d.OnlyWhenAbsent, d.Reason, d.IsRevoked)).ToList();
    }
}
