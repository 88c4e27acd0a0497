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
/// 届出 an employee files about themself — 住所変更届 and 給与振込口座変更届 — through the approval engine: checked by the
/// employee master's rules when filed, applied to the applicant's record in the transaction that records the final
/// approval (and so audited with it), never before. The route is the reporting line until the company sets its own
/// (人事 as a last step, typically).
/// </summary>
public static class ChangeRequests
{
    public const string AddressKind = "people.address";
    public const string PayAccountKind = "people.payaccount";

    private static readonly string[] AccountTypes = ["普通", "当座", "貯蓄"];

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

    /// <summary>The applicant's record with the requested change made (not saved): every rule of the master applies.</summary>
    internal static void Apply(Employee employee, ApprovalRequest request)
    {
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
