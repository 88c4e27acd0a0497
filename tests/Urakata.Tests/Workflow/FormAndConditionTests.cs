using System.Globalization;
using System.Text.Json.Nodes;
using Urakata.Platform.Domain;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Routing;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.Workflow;

/// <summary>Form validation and route conditions as pure rules (no database).</summary>
public sealed class FormAndConditionTests
{
    private static FormDefinition Travel => BuiltInKinds.All.Single(k => k.Code == "travel").Form(1);

    [Fact]
    public void Values_AreNormalised_FullWidthDigitsCommasAndSlashDates()
    {
        var v = Travel.Normalize(Values(("destination", " 大阪支店 "), ("period", new JsonObject { ["from"] = "２０２６/１２/１", ["to"] = "2026-12-03" }),
            ("purpose", "顧客訪問"), ("estimate", "¥１２３，４５６")));
        Assert.Equal("大阪支店", v["destination"]!.GetValue<string>());
        Assert.Equal("{\"from\":\"2026-12-01\",\"to\":\"2026-12-03\"}", v["period"]!.ToJsonString());
        Assert.Equal(123_456, Travel.AmountOf(v));
    }

    [Theory]
    [InlineData("2026-12-03", "2026-12-01", "period", "期間の終了日は開始日以降にしてください。")]
    [InlineData("2026-12-01", "2026-13-01", "period", "期間は日付(例: 2026/12/01)で入力してください。")]
    public void DateRange_IsChecked(string from, string to, string field, string message)
    {
        var error = Assert.Throws<ValidationException>(() => Travel.Normalize(Values(("destination", "大阪"), ("purpose", "x"), ("estimate", 1),
            ("period", new JsonObject { ["from"] = from, ["to"] = to }))));
        Assert.Equal([message], error.Errors[field]);
    }

    [Fact]
    public void RequiredIf_AppliesOnlyWhenTheOtherFieldIsSet_AndUnknownFieldsAreRefused()
    {
        static (string, object?)[] Trip() => [("destination", "大阪"), ("purpose", "x"), ("estimate", 50_000), ("period", new JsonObject { ["from"] = "2026-12-01", ["to"] = "2026-12-01" })];
        Travel.Normalize(Values(Trip()));
        var error = Assert.Throws<ValidationException>(() => Travel.Normalize(Values([.. Trip(), ("advance", true), ("hotel", "x")])));
        Assert.Equal(["advance_amount", "hotel"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MessagesFollowTheLanguage()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var error = Assert.Throws<ValidationException>(() => Travel.Normalize([]));
            Assert.Equal(["Destination is required."], error.Errors["destination"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void AdministratorForms_AreChecked_BeforeTheyArePublished()
    {
        var bad = new FormDefinition(
        [
            new FormField("name", "氏名", FieldType.Text),
            new FormField("name", "重複", FieldType.Text),
            new FormField("kind", "種類", FieldType.Select),
            new FormField("total", "合計", FieldType.Money, Compute: "avg(x)"),
        ]);
        var error = Assert.Throws<ValidationException>(bad.EnsureValid);
        Assert.Equal(3, error.Errors.Count);
    }

    private static readonly Guid Sales = Guid.NewGuid(), SalesOne = Guid.NewGuid(), Admin = Guid.NewGuid();

    private static readonly RouteDefinition Route = new(
    [
        new RouteBranch(20, "標準", [new RouteStep(new StepDefinition("所属長", new ApproverRule.Manager(1)))]),
        new RouteBranch(10, "営業(高額)",
        [
            new RouteStep(new StepDefinition("所属長", new ApproverRule.Manager(1))),
            new RouteStep(new StepDefinition("部門長", new ApproverRule.Manager(2))),
            new RouteStep(new StepDefinition("社長", new ApproverRule.PositionInDepartment(Admin, "president")),
                [new RouteCondition(ConditionSubject.Field, ConditionOperator.Equals, "新規", "contract_type")]),
        ],
        [
            new RouteCondition(ConditionSubject.Department, ConditionOperator.Under, Sales.ToString()),
            new RouteCondition(ConditionSubject.Amount, ConditionOperator.GreaterOrEqual, "500000"),
        ]),
        new RouteBranch(5, "管理職", [new RouteStep(new StepDefinition("社長", new ApproverRule.Manager(9)))],
            [new RouteCondition(ConditionSubject.PositionRank, ConditionOperator.GreaterOrEqual, "70")]),
    ]);

    [Theory]
    [InlineData(499_999, true, 0, "", "所属長")]
    [InlineData(500_000, true, 0, "継続", "所属長,部門長")]
    [InlineData(500_000, true, 0, "新規", "所属長,部門長,社長")]
    [InlineData(9_000_000, false, 0, "新規", "所属長")]
    [InlineData(100, true, 70, "", "社長")]
    public void Branches_AreTriedByPriority_AndStepsByTheirConditions(long amount, bool inSales, int rank, string contractType, string expected)
    {
        var context = new RouteContext(amount, inSales ? [SalesOne, Sales] : [Admin], rank, Values(("contract_type", contractType)));
        Assert.Equal(expected, string.Join(",", Route.Select(context).Select(s => s.Name)));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void Routes_SurviveTheirJsonRoundTrip()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Route, Web);
        var back = System.Text.Json.JsonSerializer.Deserialize<RouteDefinition>(json, Web)!;
        Assert.Contains("\"type\":\"department-position\"", json, StringComparison.Ordinal);
        Assert.Equal(Route.Branches.Count, back.Branches.Count);
        Assert.Equal(new ApproverRule.PositionInDepartment(Admin, "president"), back.Branches[1].Steps[2].Step.Rule);
    }
}
