using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Urakata.People.Leave;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.People.Employees;

/// <summary>雇用区分.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmploymentType>))]
public enum EmploymentType
{
    /// <summary>正社員.</summary>
    Regular,
    /// <summary>契約社員.</summary>
    Contract,
    /// <summary>パート.</summary>
    PartTime,
    /// <summary>アルバイト.</summary>
    Casual,
}

/// <summary>在籍区分: 在籍, 休職, 退職.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmployeeStatus>))]
public enum EmployeeStatus
{
    Active,
    OnLeave,
    Retired,
}

/// <summary>
/// 社員台帳 entry: one person employed by the company. 社員番号 is unique in the company; フリガナ is kept as full-width
/// katakana and folded into <see cref="SearchKey"/>; the pay account follows 全銀 rules; the マイナンバー is held only as
/// Data Protection cipher text (<see cref="MyNumberVault"/> reads it, with a reason, into the audit log).
/// </summary>
public sealed partial class Employee : CompanyEntity
{
    private readonly List<Dependant> _dependants = [];

    private Employee() { }

    public Employee(Details details) => Update(details);

    public string Number { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Kana { get; private set; } = "";
    /// <summary>Folded reading and name for search: <see cref="JapaneseText.SearchKey"/>.</summary>
    public string SearchKey { get; private set; } = "";
    public DateOnly? BirthDate { get; private set; }
    public DateOnly HireDate { get; private set; }
    /// <summary>退職日: the last day employed (may lie ahead while the status is still 在籍).</summary>
    public DateOnly? RetirementDate { get; private set; }
    public EmployeeStatus Status { get; private set; }
    public EmploymentType EmploymentType { get; private set; }
    /// <summary>所定労働日数 per week; null for a schedule fixed by the year (<see cref="AnnualWorkDays"/>).</summary>
    public int? WorkDaysPerWeek { get; private set; }
    /// <summary>所定労働時間 per day, in minutes.</summary>
    public int? WorkMinutesPerDay { get; private set; }
    /// <summary>年間所定労働日数, for schedules not fixed by the week (労基則24条の3 第5項).</summary>
    public int? AnnualWorkDays { get; private set; }
    /// <summary>The user who signs in as this employee, if any.</summary>
    public Guid? UserId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public Guid? PositionId { get; private set; }
    /// <summary>The work rule (勤務形態) the employee works under; null: the company's default.</summary>
    public Guid? WorkRuleId { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? PostalCode { get; private set; }
    public string? Address { get; private set; }
    public string? EmergencyContactName { get; private set; }
    public string? EmergencyContactRelation { get; private set; }
    public string? EmergencyContactPhone { get; private set; }

    public string? PayBankCode { get; private set; }
    public string? PayBranchCode { get; private set; }
    public BankAccountType? PayAccountType { get; private set; }
    [Sensitive]
    public string? PayAccountNumber { get; private set; }
    public string? PayAccountHolder { get; private set; }

    /// <summary>The マイナンバー, protected by ASP.NET Data Protection; never leaves the module except through the vault.</summary>
    [Sensitive]
    public string? MyNumberProtected { get; private set; }

    public IReadOnlyList<Dependant> Dependants => _dependants;

    public bool HasMyNumber => MyNumberProtected is not null;

    public PayBankAccount? PayAccount => PayBankCode is null ? null
        : PayBankAccount.Create(PayBankCode, PayBranchCode, PayAccountType, PayAccountNumber, PayAccountHolder);

    /// <summary>Everything HR edits on the master in one go; <see cref="PayAccount"/> null clears the account.</summary>
    public sealed record Details(
        string? Number, string? Name, string? Kana, DateOnly? BirthDate, DateOnly? HireDate, DateOnly? RetirementDate,
        EmployeeStatus Status, EmploymentType EmploymentType, int? WorkDaysPerWeek, int? WorkMinutesPerDay, int? AnnualWorkDays,
        Guid? UserId, Guid? DepartmentId, Guid? PositionId, string? Email, string? Phone, string? PostalCode, string? Address,
        string? EmergencyContactName, string? EmergencyContactRelation, string? EmergencyContactPhone, PayAccountInput? PayAccount);

    /// <summary>The pay account as typed; checked by <see cref="PayBankAccount.Create"/>.</summary>
    public sealed record PayAccountInput(string? BankCode, string? BranchCode, BankAccountType? AccountType, string? AccountNumber, string? HolderKana);

    /// <summary>The record as it stands, as the input of <see cref="Update"/>: a change of a few fields goes through every rule.</summary>
    public Details CurrentDetails() => new(Number, Name, Kana, BirthDate, HireDate, RetirementDate, Status, EmploymentType, WorkDaysPerWeek,
        WorkMinutesPerDay, AnnualWorkDays, UserId, DepartmentId, PositionId, Email, Phone, PostalCode, Address, EmergencyContactName,
        EmergencyContactRelation, EmergencyContactPhone, PayAccountInputOrNull());

    /// <summary>The account on file as an input, to keep it through an update made without seeing it.</summary>
    public PayAccountInput? PayAccountInputOrNull() =>
        PayBankCode is null ? null : new(PayBankCode, PayBranchCode, PayAccountType, PayAccountNumber, PayAccountHolder);

    /// <summary>Field names of <see cref="ValidationException"/>s (the API's camelCase properties).</summary>
    public static class Fields
    {
        public const string Number = "number";
        public const string Name = "name";
        public const string Kana = "kana";
        public const string BirthDate = "birthDate";
        public const string HireDate = "hireDate";
        public const string RetirementDate = "retirementDate";
        public const string Status = "status";
        public const string EmploymentType = "employmentType";
        public const string WorkDaysPerWeek = "workDaysPerWeek";
        public const string WorkMinutesPerDay = "workMinutesPerDay";
        public const string AnnualWorkDays = "annualWorkDays";
        public const string Email = "email";
        public const string PostalCode = "postalCode";
        public const string MyNumber = "myNumber";
    }

    /// <summary>Puts the employee under a work rule (null: the default); the caller checks the rule is the company's.</summary>
    public void AssignWorkRule(Guid? workRuleId) => WorkRuleId = workRuleId;

    public void Update(Details d)
    {
        var errors = new Dictionary<string, string[]>();
        var number = JapaneseText.Narrow(d.Number ?? "");
        if (number.Length is 0 or > 20)
        {
            errors[Fields.Number] = [PeopleMessages.EmployeeNumberRequired];
        }
        var name = (d.Name ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            errors[Fields.Name] = [PeopleMessages.EmployeeNameRequired];
        }
        var kana = Furigana.Normalize(d.Kana ?? "");
        if (kana.Length is 0 or > 100)
        {
            errors[Fields.Kana] = [PeopleMessages.KanaRequired];
        }
        else if (Furigana.FirstInvalid(kana) is { } bad)
        {
            errors[Fields.Kana] = [PeopleMessages.Format(PeopleMessages.KanaCharacter, bad)];
        }
        if (d.HireDate is not { } hired)
        {
            errors[Fields.HireDate] = [PeopleMessages.HireDateRequired];
        }
        else if (d.BirthDate is { } born && born >= hired)
        {
            errors[Fields.BirthDate] = [PeopleMessages.BirthDateAfterHire];
        }
        if (d.RetirementDate is { } left && d.HireDate is { } start && left < start)
        {
            errors[Fields.RetirementDate] = [PeopleMessages.RetirementBeforeHire];
        }
        if (!Enum.IsDefined(d.Status))
        {
            errors[Fields.Status] = [PeopleMessages.StatusInvalid];
        }
        else if (d.Status == EmployeeStatus.Retired && d.RetirementDate is null)
        {
            errors[Fields.RetirementDate] = [PeopleMessages.RetirementDateRequired];
        }
        if (!Enum.IsDefined(d.EmploymentType))
        {
            errors[Fields.EmploymentType] = [PeopleMessages.EmploymentTypeInvalid];
        }
        if (d.WorkDaysPerWeek is < 1 or > 7)
        {
            errors[Fields.WorkDaysPerWeek] = [PeopleMessages.WorkDaysPerWeekInvalid];
        }
        // 労基法32条: 8 hours a day is the statutory maximum; a longer 所定 needs a 変形労働時間制, which is not modelled yet.
        if (d.WorkMinutesPerDay is < 1 or > 8 * 60)
        {
            errors[Fields.WorkMinutesPerDay] = [PeopleMessages.WorkMinutesPerDayInvalid];
        }
        if (d.AnnualWorkDays is < 1 or > 366)
        {
            errors[Fields.AnnualWorkDays] = [PeopleMessages.AnnualWorkDaysInvalid];
        }
        var email = Blank(d.Email);
        if (email is not null && (email.Length > 254 || !EmailPattern().IsMatch(email)))
        {
            errors[Fields.Email] = [PeopleMessages.EmailInvalid];
        }
        var postal = Blank(d.PostalCode) is { } p ? JapaneseText.Narrow(p).Replace("－", "-", StringComparison.Ordinal) : null;
        if (postal is not null)
        {
            if (PostalPattern().IsMatch(postal))
            {
                postal = postal.Length == 7 ? postal[..3] + "-" + postal[3..] : postal;
            }
            else
            {
                errors[Fields.PostalCode] = [PeopleMessages.PostalCodeInvalid];
            }
        }
        PayBankAccount? account = null;
        if (d.PayAccount is { } a)
        {
            try
            {
                account = PayBankAccount.Create(a.BankCode, a.BranchCode, a.AccountType, a.AccountNumber, a.HolderKana);
            }
            catch (ValidationException ex)
            {
                foreach (var (key, messages) in ex.Errors)
                {
                    errors["payAccount." + key] = messages;
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        Number = number;
        Name = name;
        Kana = kana;
        SearchKey = JapaneseText.SearchKey(kana + name);
        BirthDate = d.BirthDate;
        HireDate = d.HireDate!.Value;
        RetirementDate = d.RetirementDate;
        Status = d.Status;
        EmploymentType = d.EmploymentType;
        WorkDaysPerWeek = d.WorkDaysPerWeek;
        WorkMinutesPerDay = d.WorkMinutesPerDay;
        AnnualWorkDays = d.AnnualWorkDays;
        UserId = d.UserId;
        DepartmentId = d.DepartmentId;
        PositionId = d.PositionId;
        Email = email;
        Phone = Blank(d.Phone);
        PostalCode = postal;
        Address = Blank(d.Address);
        EmergencyContactName = Blank(d.EmergencyContactName);
        EmergencyContactRelation = Blank(d.EmergencyContactRelation);
        EmergencyContactPhone = Blank(d.EmergencyContactPhone);
        PayBankCode = account?.BankCode;
        PayBranchCode = account?.BranchCode;
        PayAccountType = account?.AccountType;
        PayAccountNumber = account?.AccountNumber;
        PayAccountHolder = account?.HolderKana;
    }

    /// <summary>
    /// Replaces the dependants with <paramref name="wanted"/>: an entry with the id of an existing dependant updates it, one
    /// without an id is added, and those not named are removed.
    /// </summary>
    public void SetDependants(IReadOnlyList<Dependant.Details> wanted)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < wanted.Count; i++)
        {
            foreach (var (key, messages) in Dependant.Check(wanted[i], $"dependants[{i}]."))
            {
                errors[key] = messages;
            }
            if (wanted[i].Id is { } id && _dependants.All(x => x.Id != id))
            {
                errors[$"dependants[{i}]"] = [PeopleMessages.DependantUnknown];
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        var keep = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToHashSet();
        _dependants.RemoveAll(x => !keep.Contains(x.Id));
        foreach (var w in wanted)
        {
            if (w.Id is { } id)
            {
                _dependants.Single(x => x.Id == id).Update(w);
            }
            else
            {
                _dependants.Add(new Dependant(Id, w));
            }
        }
    }

    /// <summary>
    /// Stores a checked マイナンバー through <paramref name="protect"/> (the vault's protector); null removes it (番号法20条:
    /// kept no longer than needed).
    /// </summary>
    public void SetMyNumber(string? number, Func<string, string> protect)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            MyNumberProtected = null;
            return;
        }
        if (!MyNumber.IsValid(number))
        {
            throw new DomainException(PeopleMessages.MyNumberInvalid, Fields.MyNumber);
        }
        MyNumberProtected = protect(MyNumber.Normalize(number));
    }

    /// <summary>
    /// 所定労働 as the paid-leave rules read it: weekly minutes from days × minutes a day, or, for a schedule fixed by the
    /// year, the yearly days spread over 52 weeks. Null while the schedule is unknown.
    /// </summary>
    public ScheduledWork? ScheduledWork()
    {
        if (WorkMinutesPerDay is not { } minutes)
        {
            return null;
        }
        if (WorkDaysPerWeek is { } days)
        {
            return new ScheduledWork(days * minutes, days, AnnualWorkDays);
        }
        return AnnualWorkDays is { } annual ? new ScheduledWork(annual * minutes / 52, null, annual) : null;
    }

    /// <summary>In the company on <paramref name="date"/>: hired and not yet past the 退職日.</summary>
    public bool IsEmployedOn(DateOnly date) => HireDate <= date && (RetirementDate is null || date <= RetirementDate);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{3}-?\d{4}$")]
    private static partial Regex PostalPattern();
}
