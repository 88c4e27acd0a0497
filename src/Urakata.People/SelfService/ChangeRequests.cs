using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.People.SelfService;

/// <summary>
/// 届出 an employee files about themself — 住所変更届, 給与振込口座変更届 and 扶養異動届 — through the approval engine: checked by the
/// employee master's rules when filed, applied to the applicant's record in the transaction that records the final
/// approval (and so audited with it), never before. The route is the reporting line until the company sets its own
/// (人事 as a last step, typically).
/// </summary>
public static class ChangeRequests
{
    public const string AddressKind = "people.address";
    public const string PayAccountKind = "people.payaccount";
    public const string DependantsKind = "people.dependants";

    private static readonly string[] AccountTypes = ["普通", "当座", "貯蓄"];
    private static readonly string[] Changes = ["追加", "削除"];
    private static readonly string[] Relations = ["配偶者", "子", "父母", "その他"];

    public static RequestKindDefinition Address { get; } = new(AddressKind, "住所変更届", "Change of address", "AD",
        [new FormDefinition(
        [
            new FormField("moved_on", "転居日", FieldType.Date, Required: true, LabelEn: "Moved on"),
            new FormField("postal_code", "郵便番号", FieldType.Text, Required: true, LabelEn: "Postal code", MaxLength: 8),
            new FormField("address", "新住所", FieldType.Text, Required: true, LabelEn: "New address", MaxLength: 200),
            new FormField("phone", "電話番号", FieldType.Text, LabelEn: "Phone", MaxLength: 20),
        ])],
        BuiltInKinds.StandardRoute, typeof(ChangeRequestHandler), "住所が変わったときの届出(承認後に社員台帳へ反映)");

    public static RequestKindDefinition PayAccount { get; } = new(PayAccountKind, "給与振込口座変更届", "Change of pay account", "BA",
        [new FormDefinition(
        [
            new FormField("bank_code", "銀行コード", FieldType.Text, Required: true, LabelEn: "Bank code", MaxLength: 4),
            new FormField("branch_code", "支店コード", FieldType.Text, Required: true, LabelEn: "Branch code", MaxLength: 3),
            new FormField("account_type", "預金種目", FieldType.Select, Required: true, LabelEn: "Account type", Options: AccountTypes),
            new FormField("account_number", "口座番号", FieldType.Text, Required: true, LabelEn: "Account number", MaxLength: 7),
            new FormField("holder_kana", "口座名義(カナ)", FieldType.Text, Required: true, LabelEn: "Account holder (kana)", MaxLength: 30),
        ])],
        BuiltInKinds.StandardRoute, typeof(ChangeRequestHandler), "給与の振込先を変えるときの届出(承認後に社員台帳へ反映)");

    /// <summary>
    /// 扶養異動届: dependants to add (with everything the register keeps) or to remove (by the name the register has), from a
    /// date, with the reason (出生, 婚姻, 就職…). Applied as one change of the list on the final approval.
    /// </summary>
    public static RequestKindDefinition Dependants { get; } = new(DependantsKind, "扶養異動届", "Change of dependants", "FY",
        [new FormDefinition(
        [
            new FormField("changed_on", "異動日", FieldType.Date, Required: true, LabelEn: "Effective date"),
            new FormField(DependantRows, "異動する扶養家族", FieldType.Table, Required: true, LabelEn: "Dependants to add or remove", Columns:
            [
                new FormField("change", "区分", FieldType.Select, Required: true, LabelEn: "Add / remove", Options: Changes),
                new FormField("name", "氏名", FieldType.Text, Required: true, LabelEn: "Name", MaxLength: 100),
                new FormField("kana", "フリガナ", FieldType.Text, LabelEn: "Kana", MaxLength: 100),
                new FormField("relation", "続柄", FieldType.Select, LabelEn: "Relation", Options: Relations),
                new FormField("birth_date", "生年月日", FieldType.Date, LabelEn: "Date of birth"),
                new FormField("lives_together", "同居", FieldType.Checkbox, LabelEn: "Lives together"),
            ]),
            new FormField("reason", "異動の理由", FieldType.Text, Required: true, LabelEn: "Reason", MaxLength: 200, Help: "出生・婚姻・就職・死亡など"),
        ])],
        BuiltInKinds.StandardRoute, typeof(ChangeRequestHandler), "扶養家族が増えた・減ったときの届出(承認後に社員台帳へ反映)");

    private const string DependantRows = "dependants";

    /// <summary>The applicant's record with the requested change made (not saved): every rule of the master applies.</summary>
    internal static void Apply(Employee employee, ApprovalRequest request)
    {
        if (request.KindCode == DependantsKind)
        {
            ApplyDependants(employee, request);
            return;
        }

        string? Text(string key) => request.Values[key] is JsonValue v ? v.GetValue<string>() : null;
        var details = employee.CurrentDetails();
        details = request.KindCode switch
        {
            AddressKind => details with { PostalCode = Text("postal_code"), Address = Text("address"), Phone = Text("phone") ?? details.Phone },
            PayAccountKind => details with
            {
                PayAccount = new Employee.PayAccountInput(Text("bank_code"), Text("branch_code"),
                    Text("account_type") switch { "普通" => BankAccountType.Ordinary, "当座" => BankAccountType.Current, "貯蓄" => BankAccountType.Savings, _ => null },
                    Text("account_number"), Text("holder_kana")),
            },
            _ => throw new InvalidOperationException("Not a People change request: " + request.KindCode),
        };
        try
        {
            employee.Update(details);
        }
        catch (ValidationException ex)
        {
            // The master's field names → the form's, so the error sits under the field the employee typed.
            throw new ValidationException(ex.Errors.ToDictionary(e => FormKey(e.Key), e => e.Value));
        }
    }

    /// <summary>
    /// The register's dependants less the rows to remove (matched by name, spaces ignored) plus the rows to add, checked by
    /// the register's rules; an error on an added dependant is reported under its row of the form.
    /// </summary>
    private static void ApplyDependants(Employee employee, ApprovalRequest request)
    {
        var rows = request.Values[DependantRows] as JsonArray ?? [];
        var errors = new Dictionary<string, string[]>();
        var wanted = employee.Dependants.Select(d => new Dependant.Details(d.Name, d.Kana, d.Relation, d.BirthDate, d.LivesTogether, d.Id)).ToList();
        var added = new List<(int Row, Dependant.Details Details)>();
        static string Key(string? name) => string.Concat((name ?? "").Where(c => !char.IsWhiteSpace(c)));
        for (var i = 0; i < rows.Count; i++)
        {
            string? Cell(string key) => rows[i]?[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            var name = Cell("name");
            if (Cell("change") == "削除")
            {
                var removed = wanted.FindIndex(d => d.Id is not null && Key(d.Name) == Key(name));
                if (removed < 0)
                {
                    errors[$"{DependantRows}[{i + 1}].name"] = [PeopleMessages.Format(PeopleMessages.DependantNotFound, name ?? "")];
                    continue;
                }

                wanted.RemoveAt(removed);
                continue;
            }

            var relation = Array.IndexOf(Relations, Cell("relation")) switch
            {
                0 => DependantRelation.Spouse,
                1 => DependantRelation.Child,
                2 => DependantRelation.Parent,
                3 => DependantRelation.Other,
                _ => (DependantRelation)(-1),
            };
            DateOnly? born = DateOnly.TryParseExact(Cell("birth_date"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var b) ? b : null;
            var together = rows[i]?["lives_together"] is JsonValue t && t.TryGetValue<bool>(out var yes) && yes;
            added.Add((i + 1, new Dependant.Details(name, Cell("kana"), relation, born, together)));
        }

        if (rows.Count == 0)
        {
            errors[DependantRows] = [PeopleMessages.DependantChangeEmpty];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var kept = wanted.Count;
        try
        {
            employee.SetDependants([.. wanted, .. added.Select(a => a.Details)]);
        }
        catch (ValidationException ex)
        {
            // dependants[n].field of the register → dependants[row].field of the form (the added rows follow the kept ones).
            throw new ValidationException(ex.Errors.ToDictionary(e => RowKey(e.Key, kept, added), e => e.Value));
        }
    }

    private static string RowKey(string key, int kept, List<(int Row, Dependant.Details Details)> added)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var close = key.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open || !int.TryParse(key.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture, out var index)
            || index - kept < 0 || index - kept >= added.Count)
        {
            return DependantRows;
        }

        var field = key[(close + 1)..].TrimStart('.') switch { "birthDate" => "birth_date", "" => "name", var other => other };
        return $"{DependantRows}[{added[index - kept].Row}].{field}";
    }

    private static string FormKey(string key) => key switch
    {
        Employee.Fields.PostalCode => "postal_code",
        "payAccount.bankCode" => "bank_code",
        "payAccount.branchCode" => "branch_code",
        "payAccount.accountType" => "account_type",
        "payAccount.accountNumber" => "account_number",
        _ when key.StartsWith("payAccount.", StringComparison.Ordinal) => "holder_kana",
        _ => key,
    };
}

/// <summary>The hook of the People 届出: checks when filed, applies on the final approval.</summary>
public sealed class ChangeRequestHandler(UrakataDbContext db) : IRequestKindHandler
{
    public async Task OnSubmittingAsync(ApprovalRequest request, CancellationToken ct) =>
        ChangeRequests.Apply(await ApplicantAsync(request, tracked: false, ct), request);

    public async Task OnApprovedAsync(RequestDecision decision, CancellationToken ct) =>
        // Saved with the decision by the engine: the change and the approval commit together or not at all.
        ChangeRequests.Apply(await ApplicantAsync(decision.Request, tracked: true, ct), decision.Request);

    private async Task<Employee> ApplicantAsync(ApprovalRequest request, bool tracked, CancellationToken ct)
    {
        var employees = tracked ? db.Set<Employee>() : db.Set<Employee>().AsNoTracking();
        return await employees.Include(e => e.Dependants).SingleOrDefaultAsync(e => e.UserId == request.ApplicantId, ct)
            ?? throw new ValidationException(new Dictionary<string, string[]> { [""] = [PeopleMessages.SelfServiceNoEmployee] });
    }
}
