using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Leave;

public sealed record GrantBalanceDto(Guid Id, DateOnly GrantDate, DateOnly ExpiresOn, decimal Days, GrantSource Source, int? GrantNumber,
    int? AttendedDays, int? TotalWorkDays, string Used, string Remaining, int RemainingMinutes, bool Expired, string? Note);

public sealed record TakingDto(Guid Id, DateOnly Date, string TypeCode, string TypeName, bool Paid, LeaveUnit Unit, int Hours, LeaveSource Source, Guid? RequestId, DayHalf? Half = null);

public sealed record FiveDayDutyDto(DateOnly From, DateOnly Deadline, decimal RequiredDays, decimal TakenDays, decimal StillRequired, bool Overdue);

/// <summary>An employee's 年次有給休暇 on a date: what is left (per grant, with expiry), hourly leave against its cap, takings, 年5日.</summary>
public sealed record LeaveBalanceDto(Guid EmployeeId, string Number, string Name, DateOnly On, string Remaining, int RemainingMinutes, decimal? RemainingDays,
    int HoursPerDay, int HourlyHoursTaken, int HourlyHoursCap, IReadOnlyList<GrantBalanceDto> Grants, IReadOnlyList<TakingDto> Takings,
    IReadOnlyList<FiveDayDutyDto> FiveDayDuties);

public sealed record GrantInput(DateOnly GrantDate, decimal Days, GrantSource Source = GrantSource.Manual, string? Note = null);

public sealed record LeaveTypeDto(Guid Id, string Code, string Name, string? NameEn, bool Paid, bool Active, bool IsSystem, AttendanceTreatment Treatment);

public sealed record LeaveTypeInput(string? Code, string? Name, string? NameEn, bool Paid, bool Active = true, AttendanceTreatment Treatment = AttendanceTreatment.Excluded);

public sealed record LeaveSettingsDto(int? UniformMonth, int? UniformDay, FirstGrantTiming FirstGrant, int HourlyLeaveDaysPerYear);

/// <summary>
/// 休暇: the company's leave types and settings (made on first use), and an employee's 年次有給休暇 — grants and takings
/// loaded into a <see cref="LeaveLedger"/>, which holds every rule. One's own balance needs only a sign-in; another
/// employee's needs <see cref="PeoplePermissions.LeaveRead"/> within its data scope (<see cref="EmployeeAccess"/>),
/// else 404; grants, types and settings need <see cref="PeoplePermissions.LeaveManage"/>.
/// </summary>
public sealed class LeaveBook(UrakataDbContext db, CurrentUser currentUser, PermissionService permissions, EmployeeAccess access, AttendanceBook attendance, TimeProvider clock)
{
    public DateOnly Today => JapanTime.Today(clock);

    /// <summary>
    /// The company's leave types, the defaults added on first use. Without saving (inside the approval
    /// engine's hooks: <c>save: false</c>) they are only added to the unit of work and commit with the request — saving there would also
    /// commit the request number taken before the hook, and a refusal would then leave a gap in the numbering.
    /// </summary>
    public Task<List<LeaveType>> TypesAsync(CancellationToken ct = default) => TypesAsync(save: true, ct);

    /// <inheritdoc cref="TypesAsync(CancellationToken)"/>
    public async Task<List<LeaveType>> TypesAsync(bool save, CancellationToken ct)
    {
        var types = db.Set<LeaveType>().Local.Where(t => db.Entry(t).State == EntityState.Added).ToList();
        if (types.Count == 0)
        {
            types = await db.Set<LeaveType>().ToListAsync(ct);
        }
        if (types.Count == 0)
        {
            types = [.. LeaveType.Defaults()];
            db.AddRange(types);
            if (save)
            {
                await db.SaveChangesAsync(ct);
            }
        }
        return [.. types.OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal)];
    }

    /// <summary>The company's leave settings, made on first use (saving as for <see cref="TypesAsync(bool, CancellationToken)"/>).</summary>
    public Task<LeaveSettings> SettingsAsync(CancellationToken ct = default) => SettingsAsync(save: true, ct);

    /// <inheritdoc cref="SettingsAsync(CancellationToken)"/>
    public async Task<LeaveSettings> SettingsAsync(bool save, CancellationToken ct)
    {
        var settings = db.Set<LeaveSettings>().Local.FirstOrDefault() ?? await db.Set<LeaveSettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new LeaveSettings();
            db.Add(settings);
            if (save)
            {
                await db.SaveChangesAsync(ct);
            }
        }
        return settings;
    }

    public async Task<LeaveSettingsDto> SettingsDtoAsync(CancellationToken ct = default) => ToDto(await SettingsAsync(ct));

    public async Task<LeaveSettingsDto> ChangeSettingsAsync(LeaveSettingsDto input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await permissions.RequireAsync(PeoplePermissions.LeaveManage, ct);
        var settings = await SettingsAsync(ct);
        settings.Change(input.UniformMonth, input.UniformDay, input.FirstGrant, input.HourlyLeaveDaysPerYear);
        await db.SaveChangesAsync(ct);
        return ToDto(settings);
    }

    public async Task<List<LeaveTypeDto>> TypeDtosAsync(CancellationToken ct = default) => [.. (await TypesAsync(ct)).Select(ToDto)];

    public async Task<LeaveTypeDto> AddTypeAsync(LeaveTypeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await permissions.RequireAsync(PeoplePermissions.LeaveManage, ct);
        var types = await TypesAsync(ct);
        var code = input.Code?.Trim() ?? "";
        if (types.Any(t => t.Code == code))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.LeaveTypeCodeTaken, code), "code");
        }
        var type = new LeaveType(code, input.Name ?? "", input.NameEn, input.Paid, input.Treatment, types.Max(t => t.SortOrder) + 10);
        if (!input.Active)
        {
            type.Update(type.Name, type.NameEn, type.Paid, active: false, type.Treatment);
        }
        db.Add(type);
        await db.SaveChangesAsync(ct);
        return ToDto(type);
    }

    public async Task<LeaveTypeDto> UpdateTypeAsync(Guid id, LeaveTypeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await permissions.RequireAsync(PeoplePermissions.LeaveManage, ct);
        var type = await db.Set<LeaveType>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(nameof(LeaveType));
        type.Update(input.Name, input.NameEn, input.Paid, input.Active, input.Treatment);
        await db.SaveChangesAsync(ct);
        return ToDto(type);
    }

    /// <summary>Deletes a kind nobody has taken; 年次有給休暇 and kinds in use stay (retire those instead).</summary>
    public async Task DeleteTypeAsync(Guid id, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.LeaveManage, ct);
        var type = await db.Set<LeaveType>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(nameof(LeaveType));
        if (type.IsSystem)
        {
            throw new DomainException(PeopleMessages.LeaveTypeSystemFixed, "code");
        }
        if (await db.Set<TakenLeave>().AnyAsync(t => t.LeaveTypeId == id, ct))
        {
            throw new DomainException(PeopleMessages.LeaveTypeInUse, "code");
        }
        db.Remove(type);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The signed-in employee's balance today.</summary>
    public async Task<LeaveBalanceDto> MyBalanceAsync(CancellationToken ct = default) => await BalanceOfAsync(await MyEmployeeAsync(ct), ct);

    /// <summary>Another employee's balance: own record, or <see cref="PeoplePermissions.LeaveRead"/> within its scope; else 404.</summary>
    public async Task<LeaveBalanceDto> BalanceAsync(Guid employeeId, CancellationToken ct = default) => await BalanceOfAsync(await ReachableAsync(employeeId, ct), ct);

    /// <summary>HR records a grant by hand: a correction, or the remaining balance of a company moving in (OpeningBalance).</summary>
    public async Task<GrantBalanceDto> AddGrantAsync(Guid employeeId, GrantInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var employee = await (await access.ReachableAsync(PeoplePermissions.LeaveManage, ct)).AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
            ?? throw new NotFoundException(nameof(Employee));
        if (input.GrantDate < employee.HireDate)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.LeaveGrantBeforeHire, PeopleMessages.Date(employee.HireDate)), "grantDate");
        }
        if (await db.Set<LeaveGrant>().AnyAsync(g => g.EmployeeId == employeeId && g.GrantDate == input.GrantDate, ct))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.LeaveGrantExists, PeopleMessages.Date(input.GrantDate)), "grantDate");
        }
        var grant = LeaveGrant.Manual(employeeId, input.GrantDate, input.Days, input.Source, input.Note);
        db.Add(grant);
        await db.SaveChangesAsync(ct);
        var balance = await BalanceOfAsync(employee, ct);
        return balance.Grants.Single(g => g.Id == grant.Id);
    }

    /// <summary>The employees <paramref name="permission"/> reaches, or (<paramref name="allowOwn"/>) oneself when it is one's own record.</summary>
    internal async Task<Employee> ReachableAsync(Guid employeeId, CancellationToken ct, string permission = PeoplePermissions.LeaveRead, bool allowOwn = true)
    {
        var me = currentUser.UserId;
        var own = allowOwn ? await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId && e.UserId != null && e.UserId == me, ct) : null;
        if (own is not null)
        {
            return own;
        }
        if (await permissions.ScopeOfAsync(permission, ct) is null)
        {
            throw new NotFoundException(nameof(Employee));
        }
        return await (await access.ReachableAsync(permission, ct)).AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
            ?? throw new NotFoundException(nameof(Employee));
    }

    internal async Task<Employee> MyEmployeeAsync(CancellationToken ct)
    {
        var userId = currentUser.RequireUser();
        return await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId, ct) ?? throw new NotFoundException(nameof(Employee));
    }

    /// <summary>Everything about one employee's leave: the ledger (paid grants and takings replayed) and the rows it came from.</summary>
    internal async Task<EmployeeLeave> LoadAsync(Employee employee, CancellationToken ct) => await LoadAsync(employee, save: true, ct);

    internal async Task<EmployeeLeave> LoadAsync(Employee employee, bool save, CancellationToken ct)
    {
        var grants = await db.Set<LeaveGrant>().AsNoTracking().Where(g => g.EmployeeId == employee.Id).OrderBy(g => g.GrantDate).ToListAsync(ct);
        var takings = await db.Set<TakenLeave>().AsNoTracking().Where(t => t.EmployeeId == employee.Id && t.CancelledAt == null).OrderBy(t => t.Date).ToListAsync(ct);
        var types = await TypesAsync(save, ct);
        var settings = await SettingsAsync(save, ct);
        var plans = await attendance.SchedulesAsync([employee], null, null, save, ct);
        return EmployeeLeave.Build(employee, plans.For(employee).MinutesPerDay, settings, types, grants, takings);
    }

    /// <summary>The leave of many employees in four queries (employees, grants, takings, types), not one per employee.</summary>
    internal async Task<List<EmployeeLeave>> LoadManyAsync(IQueryable<Employee> employees, CancellationToken ct)
    {
        var list = await employees.AsNoTracking().OrderBy(e => e.Number).ToListAsync(ct);
        var ids = list.Select(e => e.Id).ToHashSet();
        var types = await TypesAsync(ct);
        var settings = await SettingsAsync(ct);
        var plans = await attendance.SchedulesAsync(list, null, null, save: true, ct);
        // Whole-company reads filtered in memory: an IN list of every employee would outgrow the parameter limits.
        var grants = (await db.Set<LeaveGrant>().AsNoTracking().OrderBy(g => g.GrantDate).ToListAsync(ct)).Where(g => ids.Contains(g.EmployeeId)).ToLookup(g => g.EmployeeId);
        var takings = (await db.Set<TakenLeave>().AsNoTracking().Where(t => t.CancelledAt == null).OrderBy(t => t.Date).ToListAsync(ct)).Where(t => ids.Contains(t.EmployeeId)).ToLookup(t => t.EmployeeId);
        return [.. list.Select(e => EmployeeLeave.Build(e, plans.For(e).MinutesPerDay, settings, types, [.. grants[e.Id]], [.. takings[e.Id]]))];
    }

    private async Task<LeaveBalanceDto> BalanceOfAsync(Employee employee, CancellationToken ct) => (await LoadAsync(employee, ct)).ToDto(Today);

    private static LeaveTypeDto ToDto(LeaveType t) => new(t.Id, t.Code, t.Name, t.NameEn, t.Paid, t.Active, t.IsSystem, t.Treatment);

    private static LeaveSettingsDto ToDto(LeaveSettings s) => new(s.UniformMonth, s.UniformDay, s.FirstGrant, s.HourlyLeaveDaysPerYear);
}

/// <summary>One employee's leave rows with the ledger built from them.</summary>
internal sealed class EmployeeLeave
{
    private EmployeeLeave(Employee employee, LeaveLedger ledger, IReadOnlyList<LeaveGrant> grants, IReadOnlyList<TakenLeave> takings, IReadOnlyDictionary<Guid, LeaveType> types)
        => (Employee, Ledger, Grants, Takings, Types) = (employee, ledger, grants, takings, types);

    public Employee Employee { get; }
    public LeaveLedger Ledger { get; }
    public IReadOnlyList<LeaveGrant> Grants { get; }
    public IReadOnlyList<TakenLeave> Takings { get; }
    public IReadOnlyDictionary<Guid, LeaveType> Types { get; }

    /// <param name="minutesPerDay">
    /// The day of leave: the employee's 所定労働時間 under their own work rule, capped by the rule's
    /// (<see cref="WorkingTimePlans.WorkingTimePlan.MinutesPerDay"/>, as the 勤務表 reads it). Under 変形 it is the rule's standard
    /// day, not each シフト's: the ledger keeps one day length for the hourly cap and the balance.
    /// </param>
    public static EmployeeLeave Build(Employee employee, int minutesPerDay, LeaveSettings settings, IEnumerable<LeaveType> types, IReadOnlyList<LeaveGrant> grants, IReadOnlyList<TakenLeave> takings)
    {
        var byId = types.ToDictionary(t => t.Id);
        var ledger = new LeaveLedger(minutesPerDay, settings.HourlyLeaveDaysPerYear);
        foreach (var grant in grants)
        {
            if (grant.ToLedger() is { } g)
            {
                ledger.AddGrant(g);
            }
        }
        foreach (var taking in takings.Where(t => byId.TryGetValue(t.LeaveTypeId, out var type) && type.IsAnnualPaidLeave).OrderBy(t => t.Date))
        {
            ledger.Take(taking.ToLedger());
        }
        return new EmployeeLeave(employee, ledger, grants, takings, byId);
    }

    public IReadOnlyList<FiveDayDuty> FiveDayDuties() => FiveDayObligation.Duties(Ledger.Grants, Ledger.Takings);

    public LeaveBalanceDto ToDto(DateOnly today)
    {
        var balance = Ledger.BalanceOn(today);
        var grants = Grants.Select(g =>
        {
            var b = balance.Grants.FirstOrDefault(x => x.Grant.GrantDate == g.GrantDate);
            var zero = new LeaveAmount(0, Ledger.HoursPerDay);
            return new GrantBalanceDto(g.Id, g.GrantDate, g.ExpiresOn, g.Days, g.Source, g.GrantNumber, g.AttendedDays, g.TotalWorkDays,
                (b?.Used ?? zero).Display(), (b?.Remaining ?? (g.GrantDate > today ? LeaveAmount.FromDays(g.Days, Ledger.HoursPerDay) : zero)).Display(),
                b?.Remaining.Minutes ?? 0, today >= g.ExpiresOn, g.Note);
        }).ToList();
        var takings = Takings.Select(t =>
        {
            var type = Types[t.LeaveTypeId];
            return new TakingDto(t.Id, t.Date, type.Code, type.NameFor(IsEnglish), type.Paid, t.Unit, t.Hours, t.Source, t.RequestId, t.Half);
        }).ToList();
        var duties = FiveDayDuties().Select(d => new FiveDayDutyDto(d.From, d.Deadline, d.RequiredDays, d.TakenDays, d.StillRequired, d.IsOverdue(today))).ToList();
        // The headline figure counts approved leave still to come: what the employee can still ask for.
        var available = Ledger.AvailableOn(today);
        return new LeaveBalanceDto(Employee.Id, Employee.Number, Employee.Name, today, available.Display(), available.Minutes, available.Days,
            Ledger.HoursPerDay, balance.HourlyHoursTaken, balance.HourlyHoursCap, grants, takings, duties);
    }

    private static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
