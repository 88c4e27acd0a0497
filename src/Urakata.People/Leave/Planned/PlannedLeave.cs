using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;
using Urakata.People.Leave.Requests;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Workflow.Requests;

namespace Urakata.People.Leave.Planned;

/// <summary>
/// Whom and when: the employees (and/or everyone whose department is <see cref="DepartmentId"/>), the dates (whole days),
/// and whether it is 計画的付与 (<see cref="LeaveSource.Planned"/>, 39条6項) or 時季指定 (<see cref="LeaveSource.Designated"/>,
/// 39条7項).
/// </summary>
public sealed record PlannedLeaveInput(IReadOnlyList<Guid>? EmployeeIds, Guid? DepartmentId, IReadOnlyList<DateOnly>? Dates, LeaveSource Source);

public sealed record PlannedLeaveResult(int Employees, int Days, IReadOnlyList<TakingDto> Takings);

/// <summary>
/// 計画的付与 and 時季指定 entered by HR (<c>people.leave.manage</c>, within its data scope): a day of 年次有給休暇 on each
/// date for each employee, recorded like approved leave (it counts in the 年5日 duty, 39条8項, and shows on the 管理簿 with its
/// source). All or nothing: every employee and date is checked first — employed, a work day of the employee's own work
/// rule (their シフト under 変形), the month not closed, no leave or pending 休暇申請 on it, within the balance (the ledger's
/// oldest-first rule), and for 計画的付与 5 days of the year's entitlement left to the worker (39条6項) — and every
/// problem is answered at once, naming the employee and the date.
/// </summary>
public sealed class PlannedLeave(UrakataDbContext db, LeaveBook book, EmployeeAccess access, AttendanceBook attendance, PermissionService permissions)
{
    /// <summary>A month of dates at once is plenty (a company-wide 夏季 block is 3–5 days).</summary>
    public const int MaxDates = 31;

    public async Task<PlannedLeaveResult> RecordAsync(PlannedLeaveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Checked first: without the right the data scope still reaches one's own record.
        await permissions.RequireAsync(PeoplePermissions.LeaveManage, ct);
        if (input.Source is not (LeaveSource.Planned or LeaveSource.Designated))
        {
            throw new DomainException(PeopleMessages.LeavePlanSourceInvalid, "source");
        }
        var dates = (input.Dates ?? []).Distinct().Order().ToList();
        if (dates.Count == 0 || dates.Count > MaxDates)
        {
            throw new DomainException(PeopleMessages.LeavePlanNoDates, "dates");
        }
        var reachable = await access.ReachableAsync(PeoplePermissions.LeaveManage, ct);
        var ids = (input.EmployeeIds ?? []).ToHashSet();
        var employees = await reachable.AsNoTracking()
            .Where(e => ids.Contains(e.Id) || (input.DepartmentId != null && e.DepartmentId == input.DepartmentId)).OrderBy(e => e.Number).ToListAsync(ct);
        if (ids.Any(id => employees.All(e => e.Id != id)))
        {
            throw new NotFoundException(nameof(Employee)); // another company's, or outside the data scope
        }
        // In a department only those employed on the dates; named employees are checked (and refused) like any other.
        employees = [.. employees.Where(e => ids.Contains(e.Id) || dates.Any(e.IsEmployedOn))];
        if (employees.Count == 0)
        {
            throw new DomainException(PeopleMessages.LeavePlanNoEmployees, "employeeIds");
        }

        var paid = (await book.TypesAsync(ct)).Single(t => t.IsAnnualPaidLeave);
        var (first, last) = (dates[0], dates[^1]);
        // Each employee's own rule and シフト, as their 勤務表 reads them.
        var plans = await attendance.SchedulesAsync(employees, first, last, save: true, ct);
        var pending = await PendingAsync(employees, first, last, ct);
        var errors = new List<string>();
        var takings = new List<TakenLeave>();
        var employeeIds = employees.Select(e => e.Id).ToList();
        foreach (var leave in await book.LoadManyAsync(db.Set<Employee>().Where(e => employeeIds.Contains(e.Id)), ct))
        {
            var e = leave.Employee;
            string Name(string template, DateOnly date, params object?[] more) => PeopleMessages.Format(template, [e.Number, e.Name, PeopleMessages.Date(date), .. more]);
            var plan = plans.For(e);
            var mine = new List<TakenLeave>();
            foreach (var date in dates)
            {
                if (!e.IsEmployedOn(date))
                {
                    errors.Add(Name(PeopleMessages.LeavePlanOutsideEmployment, date));
                }
                else if (plan.KindOf(date) != DayKind.WorkDay)
                {
                    errors.Add(Name(PeopleMessages.LeavePlanRestDay, date));
                }
                else if (leave.Takings.Any(t => t.Date == date))
                {
                    errors.Add(Name(PeopleMessages.LeavePlanAlreadyTaken, date));
                }
                else if (pending.FirstOrDefault(p => p.UserId == e.UserId && p.From <= date && date <= p.To) is { } clash)
                {
                    errors.Add(Name(PeopleMessages.LeavePlanPending, date, clash.Number));
                }
                else if (await AttendanceLocks.IsClosedAsync(db, e.Id, date, ct))
                {
                    errors.Add(Name(PeopleMessages.LeavePlanMonthClosed, date));
                }
                else
                {
                    mine.Add(new TakenLeave(e.Id, date, paid.Id, LeaveUnit.FullDay, 0, input.Source, null));
                }
            }
            // The balance over the employee's dates in order, the ledger's rules (oldest grant first, expiry, one day a date).
            var available = leave.Ledger.AvailableOn(dates[0]).Display();
            var withinBalance = true;
            foreach (var taking in mine)
            {
                try
                {
                    leave.Ledger.Take(taking.ToLedger());
                }
                catch (DomainException)
                {
                    errors.Add(Name(PeopleMessages.LeavePlanBeyondBalance, taking.Date, available));
                    withinBalance = false;
                    break;
                }
            }
            if (withinBalance && input.Source == LeaveSource.Planned && BeyondReserve(leave, mine) is { } breach)
            {
                errors.Add(Name(PeopleMessages.LeavePlanFiveDayReserve, breach.Date, breach.Entitled.Display(), breach.Plannable.Display()));
            }
            takings.AddRange(mine);
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["dates"] = [.. errors] });
        }
        db.AddRange(takings);
        await db.SaveChangesAsync(ct);
        return new PlannedLeaveResult(employees.Count, takings.Count,
            [.. takings.Select(t => new TakingDto(t.Id, t.Date, paid.Code, paid.Name, paid.Paid, t.Unit, t.Hours, t.Source, null))]);
    }

    /// <summary>Whom the page offers: the employees in the data scope of <c>people.leave.manage</c> still employed today, and the departments.</summary>
    public async Task<(IReadOnlyList<LookupItem> Employees, IReadOnlyList<LookupItem> Departments)> ChoicesAsync(CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.LeaveManage, ct);
        var today = book.Today;
        var employees = await (await access.ReachableAsync(PeoplePermissions.LeaveManage, ct)).AsNoTracking()
            .Where(e => e.RetirementDate == null || e.RetirementDate >= today).OrderBy(e => e.Number)
            .Select(e => new LookupItem(e.Id, e.Number, e.Name)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new LookupItem(d.Id, d.Code, d.Name)).ToListAsync(ct);
        return (employees, departments);
    }

    /// <summary>39条6項: the days a worker keeps for their own choosing out of each year's grant (carried-over days included).</summary>
    public const int ReservedDays = 5;

    /// <summary>
    /// 39条6項 (reference §6.2): 計画的付与 may fix only the days beyond <see cref="ReservedDays"/> of a worker's entitlement —
    /// the grant of the year (the latest grant on or before the date, up to the next one) with the days carried over into it
    /// (the older grants' remainder the day before, still usable on the grant date). The year's planned days — those recorded
    /// before and <paramref name="planned"/> (already taken in the ledger) — are counted in date order; the first new date
    /// that passes the entitlement less 5 is returned with both figures, or null when all fit.
    /// </summary>
    private static (DateOnly Date, LeaveAmount Entitled, LeaveAmount Plannable)? BeyondReserve(EmployeeLeave leave, IReadOnlyList<TakenLeave> planned)
    {
        var ledger = leave.Ledger;
        var day = ledger.HoursPerDay * 60;
        var earlier = leave.Takings.Where(t => t.Source == LeaveSource.Planned && leave.Types[t.LeaveTypeId].IsAnnualPaidLeave);
        var all = earlier.Concat(planned).OrderBy(t => t.Date).ToList();
        foreach (var taking in planned)
        {
            if (ledger.Grants.Where(g => g.GrantDate <= taking.Date).MaxBy(g => g.GrantDate) is not { } grant)
            {
                continue; // no grant: the balance has refused it already
            }

            var next = ledger.Grants.Where(g => g.GrantDate > grant.GrantDate).Select(g => g.GrantDate).DefaultIfEmpty(DateOnly.MaxValue).Min();
            var carried = ledger.BalanceOn(grant.GrantDate.AddDays(-1)).Grants.Where(g => g.Grant.IsUsableOn(grant.GrantDate)).Sum(g => g.Remaining.Minutes);
            var entitled = decimal.ToInt32(grant.Days * day) + carried;
            var plannable = Math.Max(0, entitled - ReservedDays * day);
            var plannedInYear = all.Where(t => t.Date >= grant.GrantDate && t.Date < next && t.Date <= taking.Date).Sum(t => t.ToLedger().MinutesOf(ledger.HoursPerDay));
            if (plannedInYear > plannable)
            {
                return (taking.Date, new LeaveAmount(entitled, ledger.HoursPerDay), new LeaveAmount(plannable, ledger.HoursPerDay));
            }
        }

        return null;
    }

    private sealed record Pending(Guid UserId, string? Number, DateOnly From, DateOnly To);

    /// <summary>休暇申請 of these employees still waiting for a decision that touch the dates.</summary>
    private async Task<List<Pending>> PendingAsync(IReadOnlyList<Employee> employees, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var users = employees.Select(e => e.UserId).OfType<Guid>().ToList();
        var requests = await db.Set<ApprovalRequest>().AsNoTracking()
            .Where(r => users.Contains(r.ApplicantId) && r.KindCode == LeaveRequests.Kind && (r.Status == RequestStatus.InProgress || r.Status == RequestStatus.SentBack))
            .ToListAsync(ct);
        return [.. requests.Select(r => (r, From: LeaveRequests.Date(r, "from"), To: LeaveRequests.Date(r, "to")))
            .Where(x => x.From is { } f && x.To is { } t && f <= last && first <= t)
            .Select(x => new Pending(x.r.ApplicantId, x.r.Number, x.From!.Value, x.To!.Value))];
    }
}
