using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.People.Employees;

/// <summary>A line of the 社員一覧.</summary>
public sealed record EmployeeSummaryDto(Guid Id, string Number, string Name, string Kana, Guid? DepartmentId, string? DepartmentName,
    string? PositionName, EmploymentType EmploymentType, EmployeeStatus Status, DateOnly HireDate, DateOnly? RetirementDate, string? Email, string? Phone);

public sealed record PayAccountDto(string BankCode, string BranchCode, BankAccountType AccountType, string AccountNumber, string HolderKana);

public sealed record DependantDto(Guid Id, string Name, string Kana, DependantRelation Relation, DateOnly BirthDate, bool LivesTogether);

/// <summary>
/// One employee as HR reads it. The マイナンバー is never part of it: <see cref="HasMyNumber"/> says only whether one is on file
/// (reading it is <see cref="MyNumberVault.RevealAsync"/>, with its own permission and a reason). <see cref="PayAccount"/> is
/// there only for a reader with <see cref="PeoplePermissions.PayAccountManage"/> (and for the employee themself): otherwise
/// the property is left out of the JSON altogether.
/// </summary>
public sealed record EmployeeDto(Guid Id, string Number, string Name, string Kana, DateOnly? BirthDate, DateOnly HireDate, DateOnly? RetirementDate,
    EmployeeStatus Status, EmploymentType EmploymentType, int? WorkDaysPerWeek, int? WorkMinutesPerDay, int? AnnualWorkDays,
    Guid? UserId, Guid? DepartmentId, string? DepartmentName, Guid? PositionId, string? PositionName,
    string? Email, string? Phone, string? PostalCode, string? Address,
    string? EmergencyContactName, string? EmergencyContactRelation, string? EmergencyContactPhone,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    PayAccountDto? PayAccount, IReadOnlyList<DependantDto> Dependants, bool HasMyNumber, int Version)
{
    /// <summary>The employee's own work rule (勤務形態); null: the company's default.</summary>
    public Guid? WorkRuleId { get; init; }
}

public sealed record DependantInput(string? Name, string? Kana, DependantRelation Relation, DateOnly? BirthDate, bool LivesTogether, Guid? Id = null);

/// <summary>What the API and the form send to create or change an employee; <see cref="Version"/> makes the update conditional.</summary>
public sealed record EmployeeInput(
    string? Number, string? Name, string? Kana, DateOnly? BirthDate, DateOnly? HireDate, EmploymentType EmploymentType,
    EmployeeStatus Status = EmployeeStatus.Active, DateOnly? RetirementDate = null,
    int? WorkDaysPerWeek = null, int? WorkMinutesPerDay = null, int? AnnualWorkDays = null,
    Guid? UserId = null, Guid? DepartmentId = null, Guid? PositionId = null,
    string? Email = null, string? Phone = null, string? PostalCode = null, string? Address = null,
    string? EmergencyContactName = null, string? EmergencyContactRelation = null, string? EmergencyContactPhone = null,
    Employee.PayAccountInput? PayAccount = null, IReadOnlyList<DependantInput>? Dependants = null, int? Version = null, Guid? WorkRuleId = null)
{
    internal Employee.Details Details() => new(Number, Name, Kana, BirthDate, HireDate, RetirementDate, Status, EmploymentType,
        WorkDaysPerWeek, WorkMinutesPerDay, AnnualWorkDays, UserId, DepartmentId, PositionId, Email, Phone, PostalCode, Address,
        EmergencyContactName, EmergencyContactRelation, EmergencyContactPhone, PayAccount);

    internal IReadOnlyList<Dependant.Details> DependantDetails() =>
        [.. (Dependants ?? []).Select(d => new Dependant.Details(d.Name, d.Kana, d.Relation, d.BirthDate, d.LivesTogether, d.Id))];
}

/// <summary>A choice in the employee form (department, position, user).</summary>
public sealed record LookupItem(Guid Id, string Code, string Name);

/// <summary>The choices of the employee form: the company's departments, positions and users.</summary>
public sealed record EmployeeLookups(IReadOnlyList<LookupItem> Departments, IReadOnlyList<LookupItem> Positions, IReadOnlyList<LookupItem> Users)
{
    /// <summary>The company's 勤務形態 (no code; the default is chosen by leaving the field empty).</summary>
    public IReadOnlyList<LookupItem> WorkRules { get; init; } = [];
}

/// <summary>Search of the 社員一覧: reading, name or 社員番号; department; 在籍区分.</summary>
public sealed record EmployeeSearch(string? Q = null, Guid? Department = null, EmployeeStatus? Status = null, int? Limit = null);

/// <summary>社員台帳: search, read, add and edit employees of the current company, and the signed-in employee's own record.</summary>
public sealed class EmployeeDirectory(UrakataDbContext db, CurrentUser currentUser, PermissionService permissions, EmployeeAccess access)
{
    public const int MaxPage = 500;

    public async Task<List<EmployeeSummaryDto>> SearchAsync(EmployeeSearch search, CancellationToken ct = default) =>
        await Summaries((await QueryAsync(search, ct)).Take(Math.Clamp(search.Limit ?? 100, 1, MaxPage))).ToListAsync(ct);

    /// <summary>Every employee the search finds, in 社員番号 order, read as the export writes them.</summary>
    public async IAsyncEnumerable<EmployeeSummaryDto> AllAsync(EmployeeSearch search, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var e in Summaries(await QueryAsync(search, ct)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return e;
        }
    }

    public async Task<EmployeeDto> GetAsync(Guid id, CancellationToken ct = default) =>
        await ToDtoAsync(await (await access.ReachableAsync(PeoplePermissions.EmployeesRead, ct)).Include(e => e.Dependants).AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(nameof(Employee)),
            await permissions.HasAsync(PeoplePermissions.PayAccountManage, ct), ct);

    /// <summary>The employee record linked to the signed-in user (本人確認 of their own data); 404 when none is linked.</summary>
    public async Task<EmployeeDto> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUser();
        return await ToDtoAsync(await Load().AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId, ct) ?? throw new NotFoundException(nameof(Employee)),
            withPayAccount: true, ct);
    }

    public async Task<EmployeeDto> CreateAsync(EmployeeInput input, CancellationToken ct = default)
    {
        if (input.PayAccount is not null)
        {
            await permissions.RequireAsync(PeoplePermissions.PayAccountManage, ct);
        }
        var employee = new Employee(input.Details());
        employee.SetDependants(input.DependantDetails());
        employee.AssignWorkRule(input.WorkRuleId);
        await CheckReferencesAsync(employee, ct);
        db.Add(employee);
        await db.SaveChangesAsync(ct);
        return await GetAsync(employee.Id, ct);
    }

    public async Task<EmployeeDto> UpdateAsync(Guid id, EmployeeInput input, CancellationToken ct = default)
    {
        var employee = await (await access.ReachableAsync(PeoplePermissions.EmployeesManage, ct)).Include(e => e.Dependants).SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException(nameof(Employee));
        db.ExpectVersion(employee, input.Version);
        var details = input.Details();
        if (!await permissions.HasAsync(PeoplePermissions.PayAccountManage, ct))
        {
            // Without the right the account is neither shown nor changed: a form that never saw it keeps it as it is.
            if (input.PayAccount is not null)
            {
                throw new ForbiddenException(PeoplePermissions.PayAccountManage);
            }
            details = details with { PayAccount = employee.PayAccountInputOrNull() };
        }
        employee.Update(details);
        employee.SetDependants(input.DependantDetails());
        employee.AssignWorkRule(input.WorkRuleId);
        await CheckReferencesAsync(employee, ct);
        // A change to the dependants alone still makes a new version of the employee, so a stale form cannot undo it.
        db.Entry(employee).Property(e => e.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<EmployeeLookups> LookupsAsync(CancellationToken ct = default) => new(
        await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new LookupItem(d.Id, d.Code, d.Name)).ToListAsync(ct),
        await db.Positions.AsNoTracking().OrderByDescending(p => p.Rank).Select(p => new LookupItem(p.Id, p.Code, p.Name)).ToListAsync(ct),
        await (from m in db.Memberships.AsNoTracking() join u in db.Users on m.UserId equals u.Id orderby u.UserName
               select new LookupItem(u.Id, u.UserName!, u.DisplayName)).ToListAsync(ct))
    {
        WorkRules = await db.Set<Attendance.WorkRule>().AsNoTracking().OrderBy(r => r.Name).Select(r => new LookupItem(r.Id, "", r.Name)).ToListAsync(ct),
    };

    /// <summary>社員番号 free, one employee per user, and the department, position and user known in this company.</summary>
    internal async Task CheckReferencesAsync(Employee employee, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await db.Set<Employee>().AnyAsync(e => e.Number == employee.Number && e.Id != employee.Id, ct))
        {
            errors[Employee.Fields.Number] = [PeopleMessages.Format(PeopleMessages.EmployeeNumberTaken, employee.Number)];
        }
        if (employee.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            errors["departmentId"] = [PeopleMessages.DepartmentUnknown];
        }
        if (employee.PositionId is { } p && !await db.Positions.AnyAsync(x => x.Id == p, ct))
        {
            errors["positionId"] = [PeopleMessages.PositionUnknown];
        }
        if (employee.WorkRuleId is { } r && !await db.Set<Attendance.WorkRule>().AnyAsync(x => x.Id == r, ct))
        {
            errors["workRuleId"] = [PeopleMessages.WorkRuleUnknown];
        }
        if (employee.UserId is { } u)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == u, ct))
            {
                errors["userId"] = [PeopleMessages.UserUnknown];
            }
            else if (await db.Set<Employee>().AnyAsync(e => e.UserId == u && e.Id != employee.Id, ct))
            {
                errors["userId"] = [PeopleMessages.UserAlreadyLinked];
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private IQueryable<Employee> Load() => db.Set<Employee>().Include(e => e.Dependants);

    private async Task<IQueryable<Employee>> QueryAsync(EmployeeSearch search, CancellationToken ct)
    {
        var found = (await access.ReachableAsync(PeoplePermissions.EmployeesRead, ct)).AsNoTracking();
        var key = JapaneseText.SearchKey(search.Q);
        if (key.Length > 0)
        {
            var number = JapaneseText.Narrow(search.Q!);
            found = found.Where(e => e.Number.StartsWith(number) || e.SearchKey.Contains(key));
        }
        if (search.Department is { } department)
        {
            found = found.Where(e => e.DepartmentId == department);
        }
        if (search.Status is { } status)
        {
            found = found.Where(e => e.Status == status);
        }
        return found.OrderBy(e => e.Number);
    }

    private IQueryable<EmployeeSummaryDto> Summaries(IQueryable<Employee> employees) =>
        from e in employees
        join d in db.Departments on e.DepartmentId equals d.Id into ds
        from d in ds.DefaultIfEmpty()
        join p in db.Positions on e.PositionId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        orderby e.Number
        select new EmployeeSummaryDto(e.Id, e.Number, e.Name, e.Kana, e.DepartmentId, d == null ? null : d.Name, p == null ? null : p.Name,
            e.EmploymentType, e.Status, e.HireDate, e.RetirementDate, e.Email, e.Phone);

    private async Task<EmployeeDto> ToDtoAsync(Employee e, bool withPayAccount, CancellationToken ct)
    {
        var department = e.DepartmentId is { } d ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var position = e.PositionId is { } p ? await db.Positions.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var account = withPayAccount && e.PayAccount is { } a ? new PayAccountDto(a.BankCode, a.BranchCode, a.AccountType, a.AccountNumber, a.HolderKana) : null;
        return new EmployeeDto(e.Id, e.Number, e.Name, e.Kana, e.BirthDate, e.HireDate, e.RetirementDate, e.Status, e.EmploymentType,
            e.WorkDaysPerWeek, e.WorkMinutesPerDay, e.AnnualWorkDays, e.UserId, e.DepartmentId, department, e.PositionId, position,
            e.Email, e.Phone, e.PostalCode, e.Address, e.EmergencyContactName, e.EmergencyContactRelation, e.EmergencyContactPhone,
            account, [.. e.Dependants.OrderBy(x => x.BirthDate).Select(x => new DependantDto(x.Id, x.Name, x.Kana, x.Relation, x.BirthDate, x.LivesTogether))],
            e.HasMyNumber, e.Version)
        { WorkRuleId = e.WorkRuleId };
    }
}
