using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Security;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.People.Import;

/// <summary>What an import did: how many employees were added, or every error found and nothing added.</summary>
public sealed record EmployeeImportResult(int Imported, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// 社員のインポート from a spreadsheet (docs/employee-csv.md), all or nothing: a header row names the columns (Japanese or
/// English, any order); every row is checked as the form would check it (社員番号 free and unique in the file, kana, dates,
/// 全銀 account, department and position codes, user names); only when no row failed are all employees added, in one
/// transaction. Errors name the row as the spreadsheet numbers it (the header is row 1) and the column in the reader's language.
/// </summary>
public sealed class EmployeeImport(UrakataDbContext db, PermissionService permissions)
{
    private static readonly ImportColumn Number = new(0, "社員番号", "number", true, () => PeopleMessages.CsvColumnNumber);
    private static readonly ImportColumn Name = new(1, "氏名", "name", true, () => PeopleMessages.CsvColumnName);
    private static readonly ImportColumn Kana = new(2, "フリガナ", "kana", true, () => PeopleMessages.CsvColumnKana);
    private static readonly ImportColumn BirthDate = new(3, "生年月日", "birth_date", false, () => PeopleMessages.CsvColumnBirthDate);
    private static readonly ImportColumn HireDate = new(4, "入社日", "hire_date", true, () => PeopleMessages.CsvColumnHireDate);
    private static readonly ImportColumn Type = new(5, "雇用区分", "employment_type", true, () => PeopleMessages.CsvColumnEmploymentType);
    private static readonly ImportColumn Department = new(6, "部署コード", "department", false, () => PeopleMessages.CsvColumnDepartment);
    private static readonly ImportColumn Position = new(7, "役職コード", "position", false, () => PeopleMessages.CsvColumnPosition);
    private static readonly ImportColumn DaysPerWeek = new(8, "週所定労働日数", "work_days_per_week", false, () => PeopleMessages.CsvColumnDaysPerWeek);
    private static readonly ImportColumn HoursPerDay = new(9, "1日の所定労働時間", "work_hours_per_day", false, () => PeopleMessages.CsvColumnHoursPerDay);
    private static readonly ImportColumn AnnualDays = new(10, "年間所定労働日数", "annual_work_days", false, () => PeopleMessages.CsvColumnAnnualDays);
    private static readonly ImportColumn Email = new(11, "メールアドレス", "email", false, () => PeopleMessages.CsvColumnEmail);
    private static readonly ImportColumn Phone = new(12, "電話番号", "phone", false, () => PeopleMessages.CsvColumnPhone);
    private static readonly ImportColumn Postal = new(13, "郵便番号", "postal_code", false, () => PeopleMessages.CsvColumnPostalCode);
    private static readonly ImportColumn Address = new(14, "住所", "address", false, () => PeopleMessages.CsvColumnAddress);
    private static readonly ImportColumn EmergencyName = new(15, "緊急連絡先氏名", "emergency_contact_name", false, () => PeopleMessages.CsvColumnEmergencyName);
    private static readonly ImportColumn EmergencyRelation = new(16, "緊急連絡先続柄", "emergency_contact_relation", false, () => PeopleMessages.CsvColumnEmergencyRelation);
    private static readonly ImportColumn EmergencyPhone = new(17, "緊急連絡先電話番号", "emergency_contact_phone", false, () => PeopleMessages.CsvColumnEmergencyPhone);
    private static readonly ImportColumn BankCode = new(18, "銀行コード", "bank_code", false, () => PeopleMessages.CsvColumnBankCode);
    private static readonly ImportColumn BranchCode = new(19, "支店コード", "branch_code", false, () => PeopleMessages.CsvColumnBranchCode);
    private static readonly ImportColumn AccountType = new(20, "預金種目", "account_type", false, () => PeopleMessages.CsvColumnAccountType);
    private static readonly ImportColumn AccountNumber = new(21, "口座番号", "account_number", false, () => PeopleMessages.CsvColumnAccountNumber);
    private static readonly ImportColumn AccountHolder = new(22, "口座名義カナ", "account_holder_kana", false, () => PeopleMessages.CsvColumnAccountHolder);
    private static readonly ImportColumn User = new(23, "ユーザー名", "user_name", false, () => PeopleMessages.CsvColumnUser);
    private static readonly ImportColumn WorkRule = new(24, "勤務形態", "work_rule", false, () => PeopleMessages.CsvColumnWorkRule);

    private static readonly ImportColumn[] Columns =
    [
        Number, Name, Kana, BirthDate, HireDate, Type, Department, Position, DaysPerWeek, HoursPerDay, AnnualDays, Email, Phone, Postal, Address,
        EmergencyName, EmergencyRelation, EmergencyPhone, BankCode, BranchCode, AccountType, AccountNumber, AccountHolder, User, WorkRule,
    ];

    /// <summary>The header row of the file format, in order (what the template download writes).</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Japanese)];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"];

    // Where a rule of the entity is reported: its field name → the column the value came from.
    private static readonly Dictionary<string, ImportColumn> FieldColumns = new(StringComparer.Ordinal)
    {
        [Employee.Fields.Number] = Number,
        [Employee.Fields.Name] = Name,
        [Employee.Fields.Kana] = Kana,
        [Employee.Fields.BirthDate] = BirthDate,
        [Employee.Fields.HireDate] = HireDate,
        [Employee.Fields.EmploymentType] = Type,
        [Employee.Fields.WorkDaysPerWeek] = DaysPerWeek,
        [Employee.Fields.WorkMinutesPerDay] = HoursPerDay,
        [Employee.Fields.AnnualWorkDays] = AnnualDays,
        [Employee.Fields.Email] = Email,
        [Employee.Fields.PostalCode] = Postal,
        ["payAccount." + PayBankAccount.Fields.BankCode] = BankCode,
        ["payAccount." + PayBankAccount.Fields.BranchCode] = BranchCode,
        ["payAccount." + PayBankAccount.Fields.AccountType] = AccountType,
        ["payAccount." + PayBankAccount.Fields.AccountNumber] = AccountNumber,
        ["payAccount." + PayBankAccount.Fields.HolderKana] = AccountHolder,
        ["departmentId"] = Department,
        ["positionId"] = Position,
        ["userId"] = User,
    };

    public async Task<EmployeeImportResult> ImportAsync(Stream file, CancellationToken ct = default)
    {
        var errors = new List<RowError>();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, ct);
        var positions = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, ct);
        // 勤務形態 by name (the first of a name, should two share one).
        var rules = (await db.Set<Attendance.WorkRule>().AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Name, r.Id }).ToListAsync(ct))
            .DistinctBy(r => r.Name).ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);
        var users = await (from m in db.Memberships.AsNoTracking() join u in db.Users on m.UserId equals u.Id select new { u.UserName, u.Id })
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var taken = (await db.Set<Employee>().AsNoTracking().Select(e => e.Number).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var linked = (await db.Set<Employee>().AsNoTracking().Where(e => e.UserId != null).Select(e => e.UserId!.Value).ToListAsync(ct)).ToHashSet();
        var seenNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenUsers = new Dictionary<Guid, int>();
        var employees = new List<Employee>();
        var canSetPayAccount = await permissions.HasAsync(PeoplePermissions.PayAccountManage, ct);
        foreach (var (row, employee) in ImportColumns.ReadRows(file, Columns, errors, (record, map) => ReadRow(record, map, departments, positions, users, rules, errors)))
        {
            if (employee.PayBankCode is not null && !canSetPayAccount)
            {
                errors.Add(new RowError(row, BankCode.Label(), PeopleMessages.PayAccountPermissionRequired));
            }
            if (taken.Contains(employee.Number))
            {
                errors.Add(new RowError(row, Number.Label(), PeopleMessages.Format(PeopleMessages.EmployeeNumberTaken, employee.Number)));
            }
            else if (seenNumbers.TryGetValue(employee.Number, out var first))
            {
                errors.Add(new RowError(row, Number.Label(), PeopleMessages.Format(PeopleMessages.ImportNumberDuplicate, employee.Number, first)));
            }
            seenNumbers.TryAdd(employee.Number, row);
            if (employee.UserId is { } userId)
            {
                if (linked.Contains(userId) || seenUsers.ContainsKey(userId))
                {
                    errors.Add(new RowError(row, User.Label(), PeopleMessages.UserAlreadyLinked));
                }
                seenUsers.TryAdd(userId, row);
            }
            employees.Add(employee);
        }
        if (errors.Count > 0)
        {
            return new EmployeeImportResult(0, [.. errors.OrderBy(e => e.Row)]);
        }
        db.AddRange(employees);
        await db.SaveChangesAsync(ct);
        return new EmployeeImportResult(employees.Count, []);
    }

    private static Employee? ReadRow(CsvRecord record, int[] map, Dictionary<string, Guid> departments, Dictionary<string, Guid> positions,
        Dictionary<string, Guid> users, Dictionary<string, Guid> rules, List<RowError> errors)
    {
        var row = record.Row;
        var before = errors.Count;
        string Field(ImportColumn c) => map[c.Ordinal] < 0 ? "" : record[map[c.Ordinal]].Trim();
        void Error(ImportColumn c, string message) => errors.Add(new RowError(row, c.Label(), message));

        DateOnly? Date(ImportColumn c)
        {
            var text = JapaneseText.Narrow(Field(c));
            if (text.Length == 0)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
            Error(c, PeopleMessages.Format(PeopleMessages.ImportDateInvalid, text));
            return null;
        }
        int? Whole(ImportColumn c)
        {
            var text = JapaneseText.Narrow(Field(c));
            if (text.Length == 0)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
            Error(c, PeopleMessages.Format(PeopleMessages.ImportNumberInvalid, text));
            return null;
        }
        Guid? Code(ImportColumn c, Dictionary<string, Guid> known, string unknownMessage)
        {
            var code = JapaneseText.Narrow(Field(c));
            if (code.Length == 0)
            {
                return null;
            }
            if (known.TryGetValue(code, out var id))
            {
                return id;
            }
            Error(c, PeopleMessages.Format(unknownMessage, code));
            return null;
        }

        var hire = Date(HireDate);
        var birth = Date(BirthDate);
        var typeText = JapaneseText.Narrow(Field(Type));
        var type = ParseEmploymentType(typeText);
        if (type is null)
        {
            Error(Type, typeText.Length == 0 ? PeopleMessages.ImportValueRequired : PeopleMessages.Format(PeopleMessages.ImportEmploymentTypeUnknown, typeText));
        }
        var minutes = ParseHours(Field(HoursPerDay), out var hoursOk);
        if (!hoursOk)
        {
            Error(HoursPerDay, PeopleMessages.Format(PeopleMessages.ImportHoursInvalid, Field(HoursPerDay)));
        }
        var days = Whole(DaysPerWeek);
        var annual = Whole(AnnualDays);
        var department = Code(Department, departments, PeopleMessages.ImportDepartmentUnknown);
        var position = Code(Position, positions, PeopleMessages.ImportPositionUnknown);
        var user = Code(User, users, PeopleMessages.ImportUserUnknown);
        // A rule's name is matched as written (names are not codes: no width folding).
        Guid? rule = null;
        if (Field(WorkRule) is { Length: > 0 } ruleName)
        {
            if (rules.TryGetValue(ruleName, out var ruleId))
            {
                rule = ruleId;
            }
            else
            {
                Error(WorkRule, PeopleMessages.Format(PeopleMessages.ImportWorkRuleUnknown, ruleName));
            }
        }

        Employee.PayAccountInput? account = null;
        if (new[] { BankCode, BranchCode, AccountType, AccountNumber, AccountHolder }.Any(c => Field(c).Length > 0))
        {
            var typeField = JapaneseText.Narrow(Field(AccountType));
            var accountType = ParseAccountType(typeField);
            if (accountType is null && typeField.Length > 0)
            {
                Error(AccountType, PeopleMessages.Format(PeopleMessages.ImportAccountTypeUnknown, typeField));
            }
            account = new(Field(BankCode), Field(BranchCode), accountType, Field(AccountNumber), Field(AccountHolder));
        }
        if (errors.Count > before)
        {
            // Still check the rest of the row through the entity, so one pass reports every problem of the row.
            type ??= EmploymentType.Regular;
        }
        try
        {
            var employee = new Employee(new Employee.Details(Field(Number), Field(Name), Field(Kana), birth, hire, null, EmployeeStatus.Active, type!.Value,
                days, minutes, annual, user, department, position, Field(Email), Field(Phone), Field(Postal), Field(Address),
                Field(EmergencyName), Field(EmergencyRelation), Field(EmergencyPhone), account));
            employee.AssignWorkRule(rule);
            return errors.Count > before ? null : employee;
        }
        catch (ValidationException ex)
        {
            foreach (var (key, messages) in ex.Errors)
            {
                var column = FieldColumns.GetValueOrDefault(key);
                // A date that did not parse was reported already; the entity's "required" for it adds nothing.
                if (column is not null && errors.Skip(before).Any(e => e.Column == column.Label()))
                {
                    continue;
                }
                foreach (var message in messages)
                {
                    errors.Add(new RowError(row, column?.Label() ?? "", message));
                }
            }
            return null;
        }
    }

    internal static EmploymentType? ParseEmploymentType(string text) => text.ToLowerInvariant() switch
    {
        "正社員" or "regular" => EmploymentType.Regular,
        "契約" or "契約社員" or "contract" => EmploymentType.Contract,
        "パート" or "パートタイマー" or "part_time" or "parttime" => EmploymentType.PartTime,
        "アルバイト" or "casual" => EmploymentType.Casual,
        _ => null,
    };

    internal static BankAccountType? ParseAccountType(string text) => text.ToLowerInvariant() switch
    {
        "普通" or "普通預金" or "1" or "ordinary" => BankAccountType.Ordinary,
        "当座" or "当座預金" or "2" or "current" => BankAccountType.Current,
        "貯蓄" or "貯蓄預金" or "4" or "savings" => BankAccountType.Savings,
        _ => null,
    };

    /// <summary>"8", "7.5" or "7:45" hours → minutes; empty is null.</summary>
    internal static int? ParseHours(string text, out bool ok)
    {
        text = JapaneseText.Narrow(text);
        ok = true;
        if (text.Length == 0)
        {
            return null;
        }
        var parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60 && h < 24)
        {
            return h * 60 + m;
        }
        if (parts.Length == 1 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours < 24
            && hours * 60 == decimal.Truncate(hours * 60))
        {
            return (int)(hours * 60);
        }
        ok = false;
        return null;
    }
}
