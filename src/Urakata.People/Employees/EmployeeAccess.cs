using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Kernel;
using Urakata.Platform.Org;
using Urakata.Platform.Security;

namespace Urakata.People.Employees;

/// <summary>Which employees a People permission reaches for the signed-in user (the data scope of their grant): the one rule for every People read and change.</summary>
public sealed class EmployeeAccess(UrakataDbContext db, CurrentUser currentUser, PermissionService permissions, OrgDirectory org, TimeProvider clock)
{
    /// <summary>
    /// The employees <paramref name="permission"/> reaches for the signed-in user, by the scope of their grant: the whole
    /// company; their own record and those of the departments they hold a post in today, with the departments under them
    /// (a 部長 sees the 課 of the 部); or their own record only. Others answer as not found.
    /// </summary>
    public async Task<IQueryable<Employee>> ReachableAsync(string permission, CancellationToken ct)
    {
        var departments = await DepartmentsAsync(permission, ct);
        var employees = db.Set<Employee>();
        if (departments is null)
        {
            return employees;
        }

        var me = currentUser.UserId;
        var list = departments.ToList();
        return employees.Where(e => (e.UserId != null && e.UserId == me) || (e.DepartmentId != null && list.Contains(e.DepartmentId.Value)));
    }

    /// <summary>
    /// The departments <paramref name="permission"/> reaches for the signed-in user: null for the whole company; the
    /// departments they hold a post in today and every department under them; none for a 本人 (own) grant.
    /// </summary>
    public async Task<IReadOnlySet<Guid>?> DepartmentsAsync(string permission, CancellationToken ct)
    {
        var scope = await permissions.RequireAsync(permission, ct);
        var me = currentUser.UserId;
        if (scope == DataScope.Company)
        {
            return null;
        }
        var reach = new HashSet<Guid>();
        if (scope == DataScope.Own || me is null)
        {
            return reach;
        }
        var posts = await org.PostsOfAsync(me.Value, JapanTime.Today(clock), ct);
        var children = (await db.Departments.AsNoTracking().Where(d => d.ParentId != null).Select(d => new { d.Id, Parent = d.ParentId!.Value }).ToListAsync(ct))
            .ToLookup(d => d.Parent, d => d.Id);
        var pending = new Stack<Guid>(posts.Select(p => p.DepartmentId));
        while (pending.TryPop(out var department))
        {
            if (reach.Add(department))
            {
                foreach (var child in children[department])
                {
                    pending.Push(child);
                }
            }
        }
        return reach;
    }
}
