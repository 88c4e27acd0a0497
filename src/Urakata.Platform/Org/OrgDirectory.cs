using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;

namespace Urakata.Platform.Org;

/// <summary>One person's post on a date: department, position and whether it is their 本務 or a 兼務.</summary>
public sealed record OrgPost(
    Guid UserId, string DisplayName, Guid DepartmentId, string DepartmentName,
    Guid? PositionId, string? PositionCode, string? PositionName, int Rank, bool IsPrimary);

/// <summary>
/// Answers the organisation questions the approval engine and HR ask, always "on date D" because posts
/// are effective-dated: who holds the 部長 post above this applicant, who heads this department, who is
/// this person's manager N levels up.
/// </summary>
public sealed class OrgDirectory(UrakataDbContext db)
{
    /// <summary>Every post the user holds on <paramref name="date"/>, primary first.</summary>
    public async Task<IReadOnlyList<OrgPost>> PostsOfAsync(Guid userId, DateOnly date, CancellationToken ct = default) =>
        (await Posts(date).Where(p => p.UserId == userId).ToListAsync(ct))
            .OrderByDescending(p => p.IsPrimary).ThenByDescending(p => p.Rank).ToList();

    /// <summary>The user's 本務 on <paramref name="date"/> (falls back to their most senior post).</summary>
    public async Task<OrgPost?> PrimaryPostAsync(Guid userId, DateOnly date, CancellationToken ct = default) =>
        await PostsOfAsync(userId, date, ct) is [var first, ..] ? first : null;

    /// <summary>Everyone posted to the department on <paramref name="date"/>.</summary>
    public async Task<IReadOnlyList<OrgPost>> MembersAsync(Guid departmentId, DateOnly date, CancellationToken ct = default) =>
        (await Posts(date).Where(p => p.DepartmentId == departmentId).ToListAsync(ct))
            .OrderByDescending(p => p.Rank).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ToList();

    /// <summary>The holders of a position in a department on a date (several when the post is shared, none when vacant).</summary>
    public async Task<IReadOnlyList<OrgPost>> HoldersAsync(Guid departmentId, Guid positionId, DateOnly date, CancellationToken ct = default) =>
        await Posts(date).Where(p => p.DepartmentId == departmentId && p.PositionId == positionId).ToListAsync(ct);

    /// <summary>The department and its ancestors up to the root, nearest first.</summary>
    public async Task<IReadOnlyList<Guid>> ChainAsync(Guid departmentId, CancellationToken ct = default)
    {
        var parents = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToDictionaryAsync(d => d.Id, d => d.ParentId, ct);
        var chain = new List<Guid>();
        for (Guid? id = departmentId; id is { } current && parents.ContainsKey(current) && !chain.Contains(current); id = parents[current])
        {
            chain.Add(current);
        }
        return chain;
    }

    /// <summary>
    /// "Who is the 部長 of the applicant's department on date D": the holders of the position with
    /// <paramref name="positionCode"/> in the applicant's primary department or, when that department has
    /// none, the nearest ancestor that has one (a 課 has no 部長; its parent 部 does). Empty when vacant.
    /// </summary>
    public async Task<IReadOnlyList<OrgPost>> PositionHoldersAboveAsync(Guid userId, string positionCode, DateOnly date, CancellationToken ct = default)
    {
        var start = await PrimaryPostAsync(userId, date, ct);
        if (start is null)
        {
            return [];
        }
        foreach (var departmentId in await ChainAsync(start.DepartmentId, ct))
        {
            var holders = (await Posts(date).Where(p => p.DepartmentId == departmentId).ToListAsync(ct)).Where(p => p.PositionCode == positionCode).ToList();
            if (holders.Count > 0)
            {
                return holders;
            }
        }
        return [];
    }

    /// <summary>The head (所属長) of a department: its members holding the most senior position there.</summary>
    public async Task<IReadOnlyList<OrgPost>> HeadsAsync(Guid departmentId, DateOnly date, CancellationToken ct = default)
    {
        var members = (await MembersAsync(departmentId, date, ct)).Where(p => p.PositionId is not null).ToList();
        return members.Count == 0 ? [] : members.Where(p => p.Rank == members[0].Rank).ToList();
    }

    /// <summary>
    /// The user's manager <paramref name="levelsUp"/> levels up (1 = 所属長, 2 = 上位部署の長…): walking up from the
    /// primary department, each level is the nearest department whose head outranks the previous one.
    /// A head who is the user themself is skipped. Empty when the chain runs out (top of the company).
    /// </summary>
    public async Task<IReadOnlyList<OrgPost>> ManagersAsync(Guid userId, DateOnly date, int levelsUp = 1, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levelsUp, 1);
        var start = await PrimaryPostAsync(userId, date, ct);
        if (start is null)
        {
            return [];
        }
        var rank = start.PositionId is null ? -1 : start.Rank;
        var level = 0;
        foreach (var departmentId in await ChainAsync(start.DepartmentId, ct))
        {
            var heads = (await HeadsAsync(departmentId, date, ct)).Where(h => h.UserId != userId).ToList();
            if (heads.Count == 0 || heads[0].Rank <= rank)
            {
                continue;
            }
            level++;
            if (level == levelsUp)
            {
                return heads;
            }
            rank = heads[0].Rank;
        }
        return [];
    }

    private PostQuery Posts(DateOnly date) => new(db, db.OrgAssignments.AsNoTracking()
        .Where(a => a.EffectiveFrom <= date && (a.EffectiveTo == null || a.EffectiveTo >= date)));

    /// <summary>Assignments filtered in SQL, then joined to names in memory (the sets are small: one department or one person).</summary>
    private sealed class PostQuery(UrakataDbContext db, IQueryable<Domain.OrgAssignment> query)
    {
        public PostQuery Where(System.Linq.Expressions.Expression<Func<Domain.OrgAssignment, bool>> predicate) => new(db, query.Where(predicate));

        public async Task<List<OrgPost>> ToListAsync(CancellationToken ct)
        {
            var rows = await query.ToListAsync(ct);
            var userIds = rows.Select(r => r.UserId).Distinct().ToList();
            var deptIds = rows.Select(r => r.DepartmentId).Distinct().ToList();
            var posIds = rows.Where(r => r.PositionId != null).Select(r => r.PositionId!.Value).Distinct().ToList();
            var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var depts = await db.Departments.AsNoTracking().Where(d => deptIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
            var positions = await db.Positions.AsNoTracking().Where(p => posIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            return rows.Where(r => users.ContainsKey(r.UserId) && depts.ContainsKey(r.DepartmentId)).Select(r =>
            {
                var p = r.PositionId is { } pid ? positions.GetValueOrDefault(pid) : null;
                return new OrgPost(r.UserId, users[r.UserId], r.DepartmentId, depts[r.DepartmentId], r.PositionId, p?.Code, p?.Name, p?.Rank ?? 0, r.IsPrimary);
            }).ToList();
        }
    }
}
