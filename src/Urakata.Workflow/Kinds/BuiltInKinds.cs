using Urakata.Platform.Domain;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Kinds;

/// <summary>An approved 購買申請, for purchasing and accounts payable to act on (after the commit, via the outbox).</summary>
public sealed record PurchaseRequestApproved(Guid RequestId, string Number, string Vendor, long Total, Guid ApplicantId) : IDomainEvent;

/// <summary>The hook of the built-in 購買申請: publishes <see cref="PurchaseRequestApproved"/> with the decision.</summary>
public sealed class PurchaseRequestHandler : IRequestKindHandler
{
    public Task OnApprovedAsync(RequestDecision decision, CancellationToken ct)
    {
        var r = decision.Request;
        decision.Publish(new PurchaseRequestApproved(r.Id, r.Number!, r.Values["vendor"]?.ToString() ?? "", r.Amount ?? 0, r.ApplicantId));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The kinds every company has from the start: 稟議, 汎用申請, 購買申請, 出張申請, 押印申請. Their default route
/// follows the reporting line (所属長 → 部門長), and 稟議 and 購買申請 of ¥1,000,000 or more also go to
/// 役員決裁 (the head two levels above the 所属長); a company replaces it with its own route.
/// </summary>
public static class BuiltInKinds
{
    /// <summary>From this amount (yen) a 稟議 or 購買申請 needs an executive's decision in the default route.</summary>
    public const long ExecutiveThreshold = 1_000_000;

    private static readonly string[] SealTypes = ["代表者印", "銀行印", "角印", "部門印"];

    public static IReadOnlyList<RequestKindDefinition> All { get; } =
    [
        new("ringi", "稟議", "Ringi (decision request)", "RG",
            [new FormDefinition(
            [
                new FormField("purpose", "目的・内容", FieldType.LongText, Required: true, LabelEn: "Purpose"),
                new FormField("amount", "金額", FieldType.Money, Required: true, LabelEn: "Amount"),
                new FormField("budget_account", "予算科目", FieldType.Text, LabelEn: "Budget account"),
                new FormField("desired_date", "希望決裁日", FieldType.Date, LabelEn: "Decision wanted by"),
                new FormField("attachment", "添付", FieldType.File, LabelEn: "Attachment"),
            ], AmountField: "amount")],
            ReportingLine(withExecutive: true)),
        new("general", "汎用申請", "General request", "GN",
            [new FormDefinition(
            [
                new FormField("body", "内容", FieldType.LongText, Required: true, LabelEn: "Details"),
                new FormField("attachment", "添付", FieldType.File, LabelEn: "Attachment"),
            ])],
            ReportingLine(withExecutive: false)),
        new("purchase", "購買申請", "Purchase request", "PO",
            [new FormDefinition(
            [
                new FormField("vendor", "購入先", FieldType.Text, Required: true, LabelEn: "Vendor"),
                new FormField("lines", "明細", FieldType.Table, Required: true, LabelEn: "Lines", Columns:
                [
                    new FormField("item", "品名", FieldType.Text, Required: true, LabelEn: "Item"),
                    new FormField("quantity", "数量", FieldType.Number, Required: true, LabelEn: "Quantity"),
                    new FormField("unit_price", "単価", FieldType.Money, Required: true, LabelEn: "Unit price"),
                    new FormField("amount", "金額", FieldType.Money, LabelEn: "Amount", Compute: "quantity*unit_price"),
                ]),
                new FormField("total", "合計金額", FieldType.Money, LabelEn: "Total", Compute: "sum(lines.amount)"),
                new FormField("delivery_date", "希望納期", FieldType.Date, LabelEn: "Wanted by"),
                new FormField("reason", "購入理由", FieldType.LongText, LabelEn: "Reason"),
            ], AmountField: "total")],
            ReportingLine(withExecutive: true),
            Handler: typeof(PurchaseRequestHandler)),
        new("travel", "出張申請", "Business trip", "TR",
            [new FormDefinition(
            [
                new FormField("destination", "出張先", FieldType.Text, Required: true, LabelEn: "Destination"),
                new FormField("period", "期間", FieldType.DateRange, Required: true, LabelEn: "Dates"),
                new FormField("purpose", "目的", FieldType.LongText, Required: true, LabelEn: "Purpose"),
                new FormField("estimate", "概算費用", FieldType.Money, Required: true, LabelEn: "Estimated cost"),
                new FormField("advance", "仮払いを希望する", FieldType.Checkbox, LabelEn: "Advance payment wanted"),
                new FormField("advance_amount", "仮払金額", FieldType.Money, LabelEn: "Advance amount", RequiredIf: "advance"),
            ], AmountField: "estimate")],
            ReportingLine(withExecutive: false)),
        new("seal", "押印申請", "Seal request", "SL",
            [new FormDefinition(
            [
                new FormField("document", "文書名", FieldType.Text, Required: true, LabelEn: "Document"),
                new FormField("counterparty", "提出先", FieldType.Text, Required: true, LabelEn: "Submitted to"),
                new FormField("seal_type", "印章", FieldType.Select, Required: true, LabelEn: "Seal", Options: SealTypes),
                new FormField("copies", "部数", FieldType.Number, Required: true, LabelEn: "Copies"),
                new FormField("purpose", "用途", FieldType.LongText, LabelEn: "Purpose"),
                new FormField("attachment", "押印する文書", FieldType.File, Required: true, LabelEn: "Document file"),
            ])],
            ReportingLine(withExecutive: false)),
    ];

    /// <summary>所属長 → 部門長: the route of an administrator-defined kind until the company gives it its own.</summary>
    public static RouteDefinition StandardRoute { get; } = ReportingLine(withExecutive: false);

    private static RouteDefinition ReportingLine(bool withExecutive)
    {
        var steps = new List<RouteStep>
        {
            new(new StepDefinition("所属長", new ApproverRule.Manager(1), Vacancy: VacancyPolicy.Escalate, DueDays: 2, EscalateAfterDays: 3)),
            new(new StepDefinition("部門長", new ApproverRule.Manager(2), DueDays: 2, EscalateAfterDays: 3)),
        };
        if (withExecutive)
        {
            steps.Add(new(new StepDefinition("役員決裁", new ApproverRule.Manager(3), Vacancy: VacancyPolicy.Escalate, DueDays: 3),
                [new RouteCondition(ConditionSubject.Amount, ConditionOperator.GreaterOrEqual, ExecutiveThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
        return new RouteDefinition([new RouteBranch(0, "標準", steps)]);
    }
}
