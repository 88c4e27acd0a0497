using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Events;

/// <summary>What HR records: the kind, the date (入社 takes the master's hire date), the new department/position, a note.</summary>
public sealed record EmployeeEventInput(EmployeeEventKind Kind, DateOnly? EffectiveOn, Guid? DepartmentId = null, Guid? PositionId = null, string? Note = null);

/// <summary>A checklist line as HR edits it: <see cref="DayOfNextMonth"/> wins over <see cref="OffsetDays"/> when set.</summary>
public sealed record ChecklistLine(string? Title, Guid? RoleId, int OffsetDays, int? DayOfNextMonth = null);

public sealed record ChecklistLineDto(Guid Id, string Title, Guid? RoleId, string? RoleName, int OffsetDays, int? DayOfNextMonth);

public sealed record EmployeeTaskDto(Guid Id, Guid EventId, Guid EmployeeId, string EmployeeNumber, string EmployeeName, EmployeeEventKind Kind,
    DateOnly EffectiveOn, string Title, Guid? RoleId, string? RoleName, DateOnly DueOn, bool Done, DateTime? DoneAt, string? DoneByName);

public sealed record EmployeeEventDto(Guid Id, Guid EmployeeId, EmployeeEventKind Kind, DateOnly EffectiveOn, Guid? DepartmentId, string? DepartmentName,
    Guid? PositionId, string? PositionName, string? Note, EmployeeEventState State, DateTime RecordedAt, string? RecordedByName, DateTime? AppliedAt,
    IReadOnlyList<EmployeeTaskDto> Tasks);

/// <summary>
/// 異動・入退社: records life events of employees within the caller's reach (<see cref="EmployeeAccess"/> with
/// <see cref="PeoplePermissions.EmployeesManage"/>), applies those whose day has come (at once, or by
/// <see cref="EmployeeEventsJob"/>), keeps the org chart's posts in step, and makes each event's checklist from the
/// company's <see cref="ChecklistItem"/>s. Tasks are seen and ticked by the members of the task's role (人事 when none).
/// </summary>
public sealed class EmployeeEvents(UrakataDbContext db, CurrentUser currentUser, PermissionService permissions, EmployeeAccess access, TimeProvider clock)
{
    public async Task<List<EmployeeEventDto>> ListAsync(Guid employeeId, CancellationToken ct = default)
    {
        var employee = await (await access.ReachableAsync(PeoplePermissions.EmployeesRead, ct)).AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
            ?? throw new NotFoundException(nameof(Employee));
        var events = await db.Set<EmployeeEvent>().AsNoTracking().Where(e => e.EmployeeId == employee.Id)
            .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.RecordedAt).ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToList();
        var tasks = await TaskRowsAsync(db.Set<EmployeeTask>().Where(t => eventIds.Contains(t.EventId)), ct);
        var names = await NamesAsync(events.SelectMany(e => new[] { e.DepartmentId, e.PositionId, e.RecordedBy }), ct);
        return [.. events.Select(e => new EmployeeEventDto(e.Id, e.EmployeeId, e.Kind, e.EffectiveOn, e.DepartmentId, Name(names, e.DepartmentId),
            e.PositionId, Name(names, e.PositionId), e.Note, e.State, e.RecordedAt, Name(names, e.RecordedBy), e.AppliedAt,
            [.. tasks.Where(t => t.EventId == e.Id)]))];
    }

    /// <summary>Records an event (and its checklist); applies it in the same transaction when its day has come.</summary>
    public async Task<EmployeeEventDto> RecordAsync(Guid employeeId, EmployeeEventInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var employee = await (await access.ReachableAsync(PeoplePermissions.EmployeesManage, ct)).SingleOrDefaultAsync(e => e.Id == employeeId, ct)
            ?? throw new NotFoundException(nameof(Employee));
        if (input.Kind != EmployeeEventKind.Hire && input.EffectiveOn is null)
        {
            throw new DomainException(PeopleMessages.EventDateRequired, "effectiveOn");
        }

        if (input.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            throw new DomainException(PeopleMessages.DepartmentUnknown, "departmentId");
        }

        if (input.PositionId is { } p && !await db.Positions.AnyAsync(x => x.Id == p, ct))
        {
            throw new DomainException(PeopleMessages.PositionUnknown, "positionId");
        }

        if (await db.Set<EmployeeEvent>().AnyAsync(e => e.EmployeeId == employee.Id && e.State == EmployeeEventState.Scheduled && e.Kind == input.Kind, ct))
        {
            throw new ConflictException(PeopleMessages.EventAlreadyScheduled);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = EmployeeEvent.Record(employee, input.Kind, input.EffectiveOn ?? employee.HireDate, input.DepartmentId, input.PositionId,
            input.Note, currentUser.UserId, now);
        db.Add(recorded);
        if (recorded.Kind == EmployeeEventKind.Retirement)
        {
            // The 退職日 is known from the day it is recorded (lists and grants read it); the status follows on the day after.
            employee.Update(employee.CurrentDetails() with { RetirementDate = recorded.EffectiveOn });
        }

        var order = 0;
        foreach (var item in await ChecklistAsync(recorded.Kind, ct))
        {
            db.Add(new EmployeeTask(recorded.Id, employee.Id, item.Title, item.RoleId, item.DueFor(recorded.EffectiveOn), order++));
        }

        if (recorded.AppliesOn <= JapanTime.Today(clock))
        {
            await ApplyAsync(recorded, employee, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return (await ListAsync(employee.Id, ct)).Single(e => e.Id == recorded.Id);
    }

    /// <summary>Cancels a scheduled event (its open tasks go with it; a cancelled 退職 takes the 退職日 off the master).</summary>
    public async Task CancelAsync(Guid eventId, CancellationToken ct = default)
    {
        var reachable = await access.ReachableAsync(PeoplePermissions.EmployeesManage, ct);
        var recorded = await db.Set<EmployeeEvent>().SingleOrDefaultAsync(e => e.Id == eventId && reachable.Any(x => x.Id == e.EmployeeId), ct)
            ?? throw new NotFoundException(nameof(EmployeeEvent));
        recorded.Cancel();
        if (recorded.Kind == EmployeeEventKind.Retirement)
        {
            var employee = await db.Set<Employee>().SingleAsync(e => e.Id == recorded.EmployeeId, ct);
            employee.Update(employee.CurrentDetails() with { RetirementDate = null });
        }

        db.RemoveRange(await db.Set<EmployeeTask>().Where(t => t.EventId == recorded.Id && t.DoneAt == null).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The open (or all) tasks the signed-in user's roles are responsible for, oldest due first.</summary>
    public async Task<List<EmployeeTaskDto>> MyTasksAsync(bool includeDone = false, CancellationToken ct = default)
    {
        var mine = await MineAsync(ct);
        return await TaskRowsAsync(includeDone ? mine : mine.Where(t => t.DoneAt == null), ct);
    }

    public async Task<EmployeeTaskDto> CompleteTaskAsync(Guid taskId, bool done = true, CancellationToken ct = default)
    {
        var task = await (await MineAsync(ct)).SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException(nameof(EmployeeTask));
        if (done)
        {
            task.Complete(currentUser.RequireUser(), clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            task.Reopen();
        }

        await db.SaveChangesAsync(ct);
        return (await TaskRowsAsync(db.Set<EmployeeTask>().Where(t => t.Id == taskId), ct)).Single();
    }

    /// <summary>The company's checklist for a kind, made from <see cref="Checklists.Defaults"/> on first use.</summary>
    public async Task<List<ChecklistItem>> ChecklistAsync(EmployeeEventKind kind, CancellationToken ct = default)
    {
        if (!await db.Set<ChecklistItem>().AnyAsync(ct))
        {
            var accountRole = await db.Roles.AsNoTracking().Where(r => r.Permissions.Any(p => p.Permission == PlatformPermissions.UsersManage))
                .OrderBy(r => r.Name).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            foreach (var (k, lines) in Checklists.Defaults)
            {
                var order = 0;
                foreach (var line in lines)
                {
                    db.Add(new ChecklistItem(k, line.Title, line.AccountWork ? accountRole : null, line.OffsetDays, line.DayOfNextMonth, order++));
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return await db.Set<ChecklistItem>().Where(i => i.Kind == kind).OrderBy(i => i.SortOrder).ToListAsync(ct);
    }

    public async Task<List<ChecklistLineDto>> ChecklistLinesAsync(EmployeeEventKind kind, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.EmployeesManage, ct);
        var items = await ChecklistAsync(kind, ct);
        var names = await NamesAsync(items.Select(i => i.RoleId), ct);
        return [.. items.Select(i => new ChecklistLineDto(i.Id, i.Title, i.RoleId, Name(names, i.RoleId), i.OffsetDays, i.DayOfNextMonth))];
    }

    /// <summary>The company's roles, to choose who does a checklist line.</summary>
    public async Task<List<LookupItem>> RolesAsync(CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.EmployeesManage, ct);
        return await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new LookupItem(r.Id, "", r.Name)).ToListAsync(ct);
    }

    /// <summary>Replaces the company's checklist of a kind, in the order given; events already recorded keep their tasks.</summary>
    public async Task<List<ChecklistLineDto>> SaveChecklistAsync(EmployeeEventKind kind, IReadOnlyList<ChecklistLine> lines, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await permissions.RequireAsync(PeoplePermissions.EmployeesManage, ct);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(PeopleMessages.EventKindInvalid, "kind");
        }

        var roles = lines.Select(l => l.RoleId).OfType<Guid>().Distinct().ToList();
        if (await db.Roles.CountAsync(r => roles.Contains(r.Id), ct) != roles.Count)
        {
            throw new DomainException(PeopleMessages.ChecklistRoleUnknown, "roleId");
        }

        db.RemoveRange(await ChecklistAsync(kind, ct));
        var order = 0;
        foreach (var line in lines)
        {
            db.Add(new ChecklistItem(kind, line.Title ?? "", line.RoleId, line.OffsetDays, line.DayOfNextMonth, order++));
        }

        await db.SaveChangesAsync(ct);
        return await ChecklistLinesAsync(kind, ct);
    }

    /// <summary>
    /// Applies the event to the master and the org chart: 入社・異動・昇格 end the primary post running into the date (the day
    /// before) and start the new one on it; 退職 ends every post on the 退職日. An employee without a user account has no
    /// posts: the master alone changes.
    /// </summary>
    internal async Task ApplyAsync(EmployeeEvent recorded, Employee employee, DateTime now, CancellationToken ct)
    {
        recorded.ApplyTo(employee, now);
        if (employee.UserId is not { } userId)
        {
            return;
        }

        var on = recorded.EffectiveOn;
        if (recorded.Kind == EmployeeEventKind.Retirement)
        {
            foreach (var post in await db.OrgAssignments.Where(a => a.UserId == userId && (a.EffectiveTo == null || a.EffectiveTo > on)).ToListAsync(ct))
            {
                EndBefore(post, on.AddDays(1));
            }

            return;
        }

        if (recorded.Kind is not (EmployeeEventKind.Hire or EmployeeEventKind.Transfer or EmployeeEventKind.Promotion) || employee.DepartmentId is not { } department)
        {
            return;
        }

        var primaries = await db.OrgAssignments.Where(a => a.UserId == userId && a.IsPrimary && (a.EffectiveTo == null || a.EffectiveTo >= on)).ToListAsync(ct);
        if (primaries.Any(a => a.IsEffectiveOn(on) && a.DepartmentId == department && a.PositionId == employee.PositionId))
        {
            return;
        }

        foreach (var post in primaries)
        {
            EndBefore(post, on);
        }

        db.Add(new OrgAssignment(employee.CompanyId, userId, department, employee.PositionId, on, null, isPrimary: true));
    }

    /// <summary>Ends a post the day before <paramref name="firstDayWithout"/>; one that would only start then is removed.</summary>
    private void EndBefore(OrgAssignment post, DateOnly firstDayWithout)
    {
        if (post.EffectiveFrom < firstDayWithout)
        {
            post.EndOn(firstDayWithout.AddDays(-1));
        }
        else
        {
            db.Remove(post);
        }
    }

    private async Task<IQueryable<EmployeeTask>> MineAsync(CancellationToken ct)
    {
        var me = currentUser.RequireUser();
        var roles = await db.Memberships.AsNoTracking().Where(m => m.UserId == me && m.IsActive).SelectMany(m => m.Roles.Select(r => r.RoleId)).ToListAsync(ct);
        var hr = await permissions.HasAsync(PeoplePermissions.EmployeesManage, ct);
        return db.Set<EmployeeTask>().Where(t => (t.RoleId != null && roles.Contains(t.RoleId.Value)) || (t.RoleId == null && hr));
    }

    private async Task<List<EmployeeTaskDto>> TaskRowsAsync(IQueryable<EmployeeTask> tasks, CancellationToken ct)
    {
        var rows = await (
            from t in tasks.AsNoTracking()
            join e in db.Set<Employee>() on t.EmployeeId equals e.Id
            join v in db.Set<EmployeeEvent>() on t.EventId equals v.Id
            orderby t.DueOn, e.Number, t.SortOrder
            select new { Task = t, e.Number, e.Name, v.Kind, v.EffectiveOn }).ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(r => new[] { r.Task.RoleId, r.Task.DoneBy }), ct);
        return [.. rows.Select(r => new EmployeeTaskDto(r.Task.Id, r.Task.EventId, r.Task.EmployeeId, r.Number, r.Name, r.Kind, r.EffectiveOn, r.Task.Title,
            r.Task.RoleId, Name(names, r.Task.RoleId), r.Task.DueOn, r.Task.IsDone, r.Task.DoneAt, Name(names, r.Task.DoneBy)))];
    }

    /// <summary>Names of departments, positions, roles and users by id (ids are unique across them: time-ordered Guids).</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        if (wanted.Count == 0)
        {
            return names;
        }

        foreach (var (id, name) in (await db.Departments.AsNoTracking().Where(x => wanted.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))
            .Concat((await db.Positions.AsNoTracking().Where(x => wanted.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)))
            .Concat((await db.Roles.AsNoTracking().Where(x => wanted.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)))
            .Concat((await db.Users.AsNoTracking().Where(x => wanted.Contains(x.Id)).Select(x => new { x.Id, x.DisplayName }).ToListAsync(ct)).Select(x => (x.Id, x.DisplayName))))
        {
            names[id] = name;
        }

        return names;
    }

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } v ? names.GetValueOrDefault(v) : null;
}
