using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;
using Urakata.Platform.Notifications;
using Urakata.Platform.Org;

namespace Urakata.People.Leave.FiveDays;

/// <summary>One employee on the 有給管理 list: the balance and the current 年5日 duty, if any.</summary>
public sealed record LeaveStatusDto(Guid EmployeeId, string Number, string Name, string Remaining, int RemainingMinutes, DateOnly? LastGrantDate,
    decimal? LastGrantDays, DateOnly? DutyFrom, DateOnly? Deadline, decimal RequiredDays, decimal TakenDays, decimal StillRequired, bool AtRisk, bool Overdue);

/// <summary>
/// 年5日取得義務 (労基法39条7項) across the company: the 有給管理 list (balance and the duty of each employee — which
/// <see cref="FiveDayObligation"/> computes, overlapping years merged pro rata) and the daily reminder. A duty is at risk
/// when fewer than <see cref="WarnMonths"/> months remain before its deadline and days are still owed; the HR holders of
/// <see cref="PeoplePermissions.LeaveManage"/> and the employee's manager are told once per duty (<see cref="FiveDayAlert"/>).
/// </summary>
public sealed class FiveDayAlerts(UrakataDbContext db, LeaveBook book, EmployeeAccess access, OrgDirectory org, NotificationService notifications, TimeProvider clock)
{
    public const int WarnMonths = 3;

    /// <summary>The 有給管理 list within the caller's <see cref="PeoplePermissions.LeaveRead"/> scope; <paramref name="atRiskOnly"/> keeps the duties at risk or overdue.</summary>
    public async Task<List<LeaveStatusDto>> ListAsync(bool atRiskOnly = false, CancellationToken ct = default)
    {
        var today = Platform.Kernel.JapanTime.Today(clock);
        var leave = await book.LoadManyAsync(await access.ReachableAsync(PeoplePermissions.LeaveRead, ct), ct);
        var rows = leave.Where(l => l.Employee.Status != EmployeeStatus.Retired).Select(l => Status(l, today)).ToList();
        return atRiskOnly ? [.. rows.Where(r => r.AtRisk || r.Overdue)] : rows;
    }

    /// <summary>The daily reminder (a step of <see cref="Grants.LeaveJob"/>); returns how many duties it reported.</summary>
    public async Task<int> NotifyAsync(DateOnly today, CancellationToken ct = default)
    {
        var leave = await book.LoadManyAsync(db.Set<Employee>().Where(e => e.Status != EmployeeStatus.Retired), ct);
        var atRisk = leave.Select(l => (Leave: l, Status: Status(l, today))).Where(x => x.Status.AtRisk && x.Status.DutyFrom is not null).ToList();
        if (atRisk.Count == 0)
        {
            return 0;
        }
        var sent = (await db.Set<FiveDayAlert>().AsNoTracking().Select(a => new { a.EmployeeId, a.DutyFrom }).ToListAsync(ct))
            .Select(a => (a.EmployeeId, a.DutyFrom)).ToHashSet();
        var hr = await HoldersAsync(PeoplePermissions.LeaveManage, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var (l, s) in atRisk.Where(x => !sent.Contains((x.Leave.Employee.Id, x.Status.DutyFrom!.Value))))
        {
            var recipients = new HashSet<Guid>(hr);
            if (l.Employee.UserId is { } user)
            {
                recipients.UnionWith((await org.ManagersAsync(user, today, 1, ct)).Select(m => m.UserId));
                recipients.Remove(user);
            }
            var title = PeopleMessages.Format(PeopleMessages.FiveDayAlertTitle, l.Employee.Name);
            var body = PeopleMessages.Format(PeopleMessages.FiveDayAlertBody, l.Employee.Name, PeopleMessages.Date(s.Deadline!.Value),
                s.StillRequired, s.TakenDays, s.RequiredDays);
            foreach (var recipient in recipients)
            {
                notifications.Queue(new NotificationMessage(recipient, title, body, "/people/leave/manage", Email: true));
            }
            db.Add(new FiveDayAlert(l.Employee.Id, s.DutyFrom!.Value, s.Deadline.Value, now));
            count++;
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    internal static LeaveStatusDto Status(EmployeeLeave leave, DateOnly today)
    {
        var lastGrant = leave.Grants.Where(g => g.GrantDate <= today && g.Days > 0).MaxBy(g => g.GrantDate);
        // The duty running today, else the latest one already past (overdue shows until a new one starts).
        var duties = leave.FiveDayDuties();
        var duty = duties.FirstOrDefault(d => d.From <= today && today <= d.Deadline) ?? duties.LastOrDefault(d => d.Deadline < today && !d.IsMet);
        var atRisk = duty is not null && !duty.IsMet && today <= duty.Deadline && today > duty.Deadline.AddMonths(-WarnMonths);
        var available = leave.Ledger.AvailableOn(today);
        return new LeaveStatusDto(leave.Employee.Id, leave.Employee.Number, leave.Employee.Name, available.Display(), available.Minutes,
            lastGrant?.GrantDate, lastGrant?.Days, duty?.From, duty?.Deadline, duty?.RequiredDays ?? 0, duty?.TakenDays ?? 0, duty?.StillRequired ?? 0,
            atRisk, duty?.IsOverdue(today) ?? false);
    }

    /// <summary>Active members of the company holding <paramref name="permission"/> through any role.</summary>
    private async Task<List<Guid>> HoldersAsync(string permission, CancellationToken ct) =>
        await (from m in db.Memberships
               where m.IsActive
               from mr in m.Roles
               join r in db.Roles on mr.RoleId equals r.Id
               where r.Permissions.Any(p => p.Permission == permission)
               select m.UserId).Distinct().ToListAsync(ct);
}
