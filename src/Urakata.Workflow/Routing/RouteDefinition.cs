using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Urakata.Platform.Domain;

namespace Urakata.Workflow.Routing;

/// <summary>What a condition looks at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionSubject>))]
public enum ConditionSubject
{
    /// <summary>The request's amount (the form's amount field), whole yen.</summary>
    Amount,
    /// <summary>The applicant's 本務 department; <c>Under</c> also matches the departments below it.</summary>
    Department,
    /// <summary>The rank of the applicant's 本務 position (社長 100, 部長 70, 課長 50…).</summary>
    PositionRank,
    /// <summary>Any form field, named by <see cref="RouteCondition.Field"/>.</summary>
    Field,
}

[JsonConverter(typeof(JsonStringEnumConverter<ConditionOperator>))]
public enum ConditionOperator
{
    Equals,
    NotEquals,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    /// <summary>The department or any department below it.</summary>
    Under,
}

/// <summary>The facts a route's conditions are checked against.</summary>
public sealed record RouteContext(long? Amount, IReadOnlyList<Guid> DepartmentChain, int PositionRank, JsonObject Values);

/// <summary>One test, e.g. <c>Amount GreaterOrEqual 1000000</c> or <c>Field(category) Equals IT機器</c>.</summary>
public sealed record RouteCondition(ConditionSubject Subject, ConditionOperator Operator, string Value, string? Field = null)
{
    public bool Holds(RouteContext context) => Subject switch
    {
        ConditionSubject.Amount => context.Amount is { } amount && Compare(amount, Operator, Value),
        ConditionSubject.PositionRank => Compare(context.PositionRank, Operator, Value),
        ConditionSubject.Department => Guid.TryParse(Value, out var dept) && context.DepartmentChain.Count > 0 && Operator switch
        {
            ConditionOperator.Equals => context.DepartmentChain[0] == dept,
            ConditionOperator.NotEquals => context.DepartmentChain[0] != dept,
            ConditionOperator.Under => context.DepartmentChain.Contains(dept),
            _ => false,
        },
        ConditionSubject.Field => FieldHolds(context.Values[Field ?? ""]),
        _ => false,
    };

    private bool FieldHolds(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<decimal>(out var n) && decimal.TryParse(Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            return Compare(n, Operator, Value);
        }
        var text = value is JsonValue s ? s.ToString() : "";
        return Operator switch
        {
            ConditionOperator.Equals => string.Equals(text, Value, StringComparison.Ordinal),
            ConditionOperator.NotEquals => !string.Equals(text, Value, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static bool Compare(decimal actual, ConditionOperator op, string value)
    {
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }
        return op switch
        {
            ConditionOperator.Equals => actual == expected,
            ConditionOperator.NotEquals => actual != expected,
            ConditionOperator.GreaterThan => actual > expected,
            ConditionOperator.GreaterOrEqual => actual >= expected,
            ConditionOperator.LessThan => actual < expected,
            ConditionOperator.LessOrEqual => actual <= expected,
            _ => false,
        };
    }
}

/// <summary>A step of a route that is taken only when all its conditions hold (none: always).</summary>
public sealed record RouteStep(StepDefinition Step, IReadOnlyList<RouteCondition>? When = null);

/// <summary>
/// A branch of a route: taken when all its conditions hold. Branches are tried in ascending
/// <see cref="Priority"/>; the first that matches is the route (a branch without conditions is the default).
/// </summary>
public sealed record RouteBranch(int Priority, string Name, IReadOnlyList<RouteStep> Steps, IReadOnlyList<RouteCondition>? When = null);

/// <summary>A route at one version: its branches in priority order.</summary>
public sealed record RouteDefinition(IReadOnlyList<RouteBranch> Branches)
{
    /// <summary>A route of one branch whose steps are all unconditional.</summary>
    public static RouteDefinition Simple(params StepDefinition[] steps) =>
        new([new RouteBranch(0, "標準", steps.Select(s => new RouteStep(s)).ToList())]);

    /// <summary>The steps this request goes through: the first matching branch, its steps whose conditions hold.</summary>
    public IReadOnlyList<StepDefinition> Select(RouteContext context)
    {
        var branch = Branches.OrderBy(b => b.Priority).FirstOrDefault(b => AllHold(b.When, context))
            ?? throw new DomainException(WorkflowMessages.NoRouteApplies);
        return branch.Steps.Where(s => AllHold(s.When, context)).Select(s => s.Step).ToList();
    }

    public void EnsureValid()
    {
        if (Branches.Count == 0 || Branches.Any(b => b.Steps.Count == 0 && b.When is null))
        {
            throw new DomainException(WorkflowMessages.RouteNeedsSteps, "branches");
        }
        if (Branches.Select(b => b.Priority).Distinct().Count() != Branches.Count)
        {
            throw new DomainException(WorkflowMessages.RoutePrioritiesUnique, "branches");
        }
        foreach (var step in Branches.SelectMany(b => b.Steps).Select(s => s.Step))
        {
            var ruleIncomplete = step.Rule switch
            {
                ApproverRule.NamedUser u => u.UserId == Guid.Empty,
                ApproverRule.RoleMembers r => r.RoleId == Guid.Empty,
                ApproverRule.Manager m => m.LevelsUp < 1,
                ApproverRule.PositionAboveApplicant p => string.IsNullOrWhiteSpace(p.PositionCode),
                ApproverRule.PositionInDepartment p => p.DepartmentId == Guid.Empty || string.IsNullOrWhiteSpace(p.PositionCode),
                _ => true,
            };
            if (ruleIncomplete || string.IsNullOrWhiteSpace(step.Name) || (step.Mode == StepMode.AtLeast && step.RequiredCount < 1))
            {
                throw new DomainException(WorkflowMessages.Format(WorkflowMessages.RouteStepInvalid, step.Name), "steps");
            }
        }
    }

    private static bool AllHold(IReadOnlyList<RouteCondition>? conditions, RouteContext context) =>
        conditions is null || conditions.All(c => c.Holds(context));
}
