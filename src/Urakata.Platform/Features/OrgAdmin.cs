using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Platform.Features;

public sealed record DepartmentDto(Guid Id, string Code, string Name, string? NameKana, Guid? ParentId, int SortOrder, bool IsActive, int Version);
public sealed record SaveDepartment(string Code, string Name, string? NameKana, Guid? ParentId, int SortOrder, bool IsActive = true, int? Version = null);
public sealed record PositionDto(Guid Id, string Code, string Name, int Rank, bool IsActive, int Version);
public sealed record SavePosition(string Code, string Name, int Rank, bool IsActive = true, int? Version = null);
public sealed record AssignmentDto(Guid Id, Guid UserId, string UserName, Guid DepartmentId, string DepartmentName, Guid? PositionId, string? PositionName,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool IsPrimary, int Version);
public sealed record SaveAssignment(Guid UserId, Guid DepartmentId, Guid? PositionId, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool IsPrimary, int? Version = null);

/// <summary>Departments, positions and effective-dated assignments of the current company.</summary>
public sealed class OrgAdmin(UrakataDbContext db, PermissionService permissions)
{
    public Task<List<DepartmentDto>> DepartmentsAsync(CancellationToken ct = default) =>
        db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new DepartmentDto(d.Id, d.Code, d.Name, d.NameKana, d.ParentId, d.SortOrder, d.IsActive, d.Version)).ToListAsync(ct);

    public async Task<DepartmentDto> DepartmentAsync(Guid id, CancellationToken ct = default) =>
        ToDto(await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(nameof(Department)));

    public async Task<DepartmentDto> SaveDepartmentAsync(Guid? id, SaveDepartment cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.OrgManage, ct);
        var code = (cmd.Code ?? "").Trim();
        if (await db.Departments.AnyAsync(d => d.Code == code && d.Id != id, ct))
        {
            throw new DomainException(Messages.Format(Messages.DuplicateCode, code), nameof(cmd.Code));
        }
        var all = await db.Departments.ToDictionaryAsync(d => d.Id, ct);
        Department? parent = null;
        if (cmd.ParentId is { } pid && !all.TryGetValue(pid, out parent))
        {
            throw new DomainException(Messages.DepartmentNotFound, nameof(cmd.ParentId));
        }
        Department department;
        if (id is { } existing)
        {
            department = all.GetValueOrDefault(existing) ?? throw new NotFoundException(nameof(Department));
            db.ExpectVersion(department, cmd.Version);
            department.Update(cmd.Code!, cmd.Name, cmd.NameKana, cmd.SortOrder);
        }
        else
        {
            department = new Department(Guid.Empty, cmd.Code!, cmd.Name, null, cmd.SortOrder);
            department.Update(cmd.Code!, cmd.Name, cmd.NameKana, cmd.SortOrder);
            db.Departments.Add(department);
        }
        department.MoveUnder(parent, all);
        department.SetActive(cmd.IsActive);
        await db.SaveChangesAsync(ct);
        return ToDto(department);
    }

    public Task<List<PositionDto>> PositionsAsync(CancellationToken ct = default) =>
        db.Positions.AsNoTracking().OrderByDescending(p => p.Rank).ThenBy(p => p.Code)
            .Select(p => new PositionDto(p.Id, p.Code, p.Name, p.Rank, p.IsActive, p.Version)).ToListAsync(ct);

    public async Task<PositionDto> PositionAsync(Guid id, CancellationToken ct = default) =>
        ToDto(await db.Positions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(nameof(Position)));

    public async Task<PositionDto> SavePositionAsync(Guid? id, SavePosition cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.OrgManage, ct);
        var code = (cmd.Code ?? "").Trim();
        if (await db.Positions.AnyAsync(p => p.Code == code && p.Id != id, ct))
        {
            throw new DomainException(Messages.Format(Messages.DuplicateCode, code), nameof(cmd.Code));
        }
        Position position;
        if (id is { } existing)
        {
            position = await db.Positions.FindOrThrowAsync(existing, ct);
            db.ExpectVersion(position, cmd.Version);
            position.Update(cmd.Code!, cmd.Name, cmd.Rank);
        }
        else
        {
            position = new Position(Guid.Empty, cmd.Code!, cmd.Name, cmd.Rank);
            db.Positions.Add(position);
        }
        position.SetActive(cmd.IsActive);
        await db.SaveChangesAsync(ct);
        return ToDto(position);
    }

    public async Task<List<AssignmentDto>> AssignmentsAsync(Guid? userId, Guid? departmentId, DateOnly? on, CancellationToken ct = default)
    {
        var query = Assignments();
        if (userId is { } u)
        {
            query = query.Where(a => a.UserId == u);
        }
        if (departmentId is { } d)
        {
            query = query.Where(a => a.DepartmentId == d);
        }
        if (on is { } date)
        {
            query = query.Where(a => a.EffectiveFrom <= date && (a.EffectiveTo == null || a.EffectiveTo >= date));
        }
        return (await query.ToListAsync(ct)).OrderBy(a => a.DepartmentName, StringComparer.Ordinal).ThenBy(a => a.EffectiveFrom).ToList();
    }

    public async Task<AssignmentDto> AssignmentAsync(Guid id, CancellationToken ct = default) =>
        await Assignments().SingleOrDefaultAsync(id, ct) ?? throw new NotFoundException(nameof(OrgAssignment));

    public async Task<AssignmentDto> SaveAssignmentAsync(Guid? id, SaveAssignment cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.OrgManage, ct);
        // Load first: another company's id answers 404 whatever the body says.
        var existingAssignment = id is { } eid ? await db.OrgAssignments.FindOrThrowAsync(eid, ct) : null;
        if (!await db.Memberships.AnyAsync(m => m.UserId == cmd.UserId, ct))
        {
            throw new DomainException(Messages.UserNotMember, nameof(cmd.UserId));
        }
        if (!await db.Departments.AnyAsync(d => d.Id == cmd.DepartmentId, ct))
        {
            throw new DomainException(Messages.DepartmentNotFound, nameof(cmd.DepartmentId));
        }
        if (cmd.PositionId is { } pid && !await db.Positions.AnyAsync(p => p.Id == pid, ct))
        {
            throw new DomainException(Messages.PositionNotFound, nameof(cmd.PositionId));
        }
        OrgAssignment assignment;
        if (existingAssignment is not null)
        {
            assignment = existingAssignment;
            db.ExpectVersion(assignment, cmd.Version);
            if (assignment.UserId != cmd.UserId)
            {
                throw new DomainException(Messages.UserNotMember, nameof(cmd.UserId));
            }
            assignment.Change(cmd.DepartmentId, cmd.PositionId, cmd.EffectiveFrom, cmd.EffectiveTo, cmd.IsPrimary);
        }
        else
        {
            assignment = new OrgAssignment(Guid.Empty, cmd.UserId, cmd.DepartmentId, cmd.PositionId, cmd.EffectiveFrom, cmd.EffectiveTo, cmd.IsPrimary);
            db.OrgAssignments.Add(assignment);
        }
        await db.SaveChangesAsync(ct);
        return await AssignmentAsync(assignment.Id, ct);
    }

    public async Task<AssignmentDto> EndAssignmentAsync(Guid id, DateOnly lastDay, int? version, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PlatformPermissions.OrgManage, ct);
        var assignment = await db.OrgAssignments.FindOrThrowAsync(id, ct);
        db.ExpectVersion(assignment, version);
        assignment.EndOn(lastDay);
        await db.SaveChangesAsync(ct);
        return await AssignmentAsync(id, ct);
    }

    private AssignmentQuery Assignments() => new(db, db.OrgAssignments.AsNoTracking());

    private sealed class AssignmentQuery(UrakataDbContext db, IQueryable<OrgAssignment> query)
    {
        public AssignmentQuery Where(System.Linq.Expressions.Expression<Func<OrgAssignment, bool>> predicate) => new(db, query.Where(predicate));

        public async Task<List<AssignmentDto>> ToListAsync(CancellationToken ct)
        {
            var rows = await query.ToListAsync(ct);
            var userIds = rows.Select(r => r.UserId).Distinct().ToList();
            var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var depts = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
            var positions = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            return rows.Select(a => new AssignmentDto(a.Id, a.UserId, users.GetValueOrDefault(a.UserId) ?? "", a.DepartmentId, depts.GetValueOrDefault(a.DepartmentId) ?? "",
                a.PositionId, a.PositionId is { } p ? positions.GetValueOrDefault(p) : null, a.EffectiveFrom, a.EffectiveTo, a.IsPrimary, a.Version)).ToList();
        }

        public async Task<AssignmentDto?> SingleOrDefaultAsync(Guid id, CancellationToken ct) =>
            (await Where(a => a.Id == id).ToListAsync(ct)).SingleOrDefault();
    }

    private static DepartmentDto ToDto(Department d) => new(d.Id, d.Code, d.Name, d.NameKana, d.ParentId, d.SortOrder, d.IsActive, d.Version);

    private static PositionDto ToDto(Position p) => new(p.Id, p.Code, p.Name, p.Rank, p.IsActive, p.Version);
}
