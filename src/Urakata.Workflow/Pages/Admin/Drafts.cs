using Urakata.Workflow.Forms;
using Urakata.Workflow.Routing;

namespace Urakata.Workflow.Pages.Admin;

/// <summary>A form field being edited on the designer page (mutable for binding; <see cref="ToField"/> makes the record).</summary>
public sealed class FieldDraft
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string? LabelEn { get; set; }
    public FieldType Type { get; set; } = FieldType.Text;
    public bool Required { get; set; }
    public string? RequiredIf { get; set; }
    /// <summary>Select options, one per line or comma-separated.</summary>
    public string? Options { get; set; }
    public string? Compute { get; set; }
    public List<FieldDraft> Columns { get; set; } = [];

    public static FieldDraft From(FormField f) => new()
    {
        Key = f.Key, Label = f.Label, LabelEn = f.LabelEn, Type = f.Type, Required = f.Required, RequiredIf = f.RequiredIf,
        Options = f.Options is null ? null : string.Join(", ", f.Options), Compute = f.Compute,
        Columns = f.Columns?.Select(From).ToList() ?? [],
    };

    public FormField ToField() => new(Key.Trim(), Label.Trim(), Type, Required, Blank(LabelEn), Blank(RequiredIf),
        Type == FieldType.Select ? (Options ?? "").Split([',', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
        Type == FieldType.Table ? Columns.Select(c => c.ToField()).ToList() : null, Blank(Compute));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A condition being edited.</summary>
public sealed class ConditionDraft
{
    public ConditionSubject Subject { get; set; } = ConditionSubject.Amount;
    public ConditionOperator Operator { get; set; } = ConditionOperator.GreaterOrEqual;
    public string Value { get; set; } = "";
    public string? Field { get; set; }

    public static ConditionDraft From(RouteCondition c) => new() { Subject = c.Subject, Operator = c.Operator, Value = c.Value, Field = c.Field };

    public RouteCondition ToCondition() => new(Subject, Operator, Value.Trim(), Subject == ConditionSubject.Field ? Field?.Trim() : null);
}

/// <summary>Who approves a step, as chosen on the route editor.</summary>
public enum RuleKind
{
    Manager,
    PositionAbove,
    PositionInDepartment,
    User,
    Role,
}

/// <summary>A route step being edited.</summary>
public sealed class StepDraft
{
    public string Name { get; set; } = "";
    public RuleKind Rule { get; set; } = RuleKind.Manager;
    public int LevelsUp { get; set; } = 1;
    public string? PositionCode { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? RoleId { get; set; }
    public StepMode Mode { get; set; } = StepMode.Any;
    public int RequiredCount { get; set; } = 1;
    public VacancyPolicy Vacancy { get; set; } = VacancyPolicy.Skip;
    public int? DueDays { get; set; }
    public int? EscalateAfterDays { get; set; }
    public bool AllowAddApprover { get; set; }
    public List<ConditionDraft> When { get; set; } = [];

    public static StepDraft From(RouteStep s)
    {
        var d = s.Step;
        var draft = new StepDraft
        {
            Name = d.Name, Mode = d.Mode, RequiredCount = d.RequiredCount, Vacancy = d.Vacancy, DueDays = d.DueDays, EscalateAfterDays = d.EscalateAfterDays,
            AllowAddApprover = d.AllowAddApprover,
            When = s.When?.Select(ConditionDraft.From).ToList() ?? [],
        };
        switch (d.Rule)
        {
            case ApproverRule.Manager m:
                (draft.Rule, draft.LevelsUp) = (RuleKind.Manager, m.LevelsUp);
                break;
            case ApproverRule.PositionAboveApplicant p:
                (draft.Rule, draft.PositionCode) = (RuleKind.PositionAbove, p.PositionCode);
                break;
            case ApproverRule.PositionInDepartment p:
                (draft.Rule, draft.PositionCode, draft.DepartmentId) = (RuleKind.PositionInDepartment, p.PositionCode, p.DepartmentId);
                break;
            case ApproverRule.NamedUser u:
                (draft.Rule, draft.UserId) = (RuleKind.User, u.UserId);
                break;
            case ApproverRule.RoleMembers r:
                (draft.Rule, draft.RoleId) = (RuleKind.Role, r.RoleId);
                break;
        }
        return draft;
    }

    public RouteStep ToStep()
    {
        ApproverRule rule = Rule switch
        {
            RuleKind.PositionAbove => new ApproverRule.PositionAboveApplicant(PositionCode ?? ""),
            RuleKind.PositionInDepartment => new ApproverRule.PositionInDepartment(DepartmentId ?? Guid.Empty, PositionCode ?? ""),
            RuleKind.User => new ApproverRule.NamedUser(UserId ?? Guid.Empty),
            RuleKind.Role => new ApproverRule.RoleMembers(RoleId ?? Guid.Empty),
            _ => new ApproverRule.Manager(Math.Max(1, LevelsUp)),
        };
        return new RouteStep(new StepDefinition(Name.Trim(), rule, Mode, RequiredCount, Vacancy, DueDays, EscalateAfterDays, AllowAddApprover),
            When.Count == 0 ? null : When.Select(c => c.ToCondition()).ToList());
    }
}

/// <summary>A branch being edited.</summary>
public sealed class BranchDraft
{
    public int Priority { get; set; }
    public string Name { get; set; } = "";
    public List<ConditionDraft> When { get; set; } = [];
    public List<StepDraft> Steps { get; set; } = [];

    public static BranchDraft From(RouteBranch b) => new()
    {
        Priority = b.Priority, Name = b.Name, When = b.When?.Select(ConditionDraft.From).ToList() ?? [], Steps = b.Steps.Select(StepDraft.From).ToList(),
    };

    public RouteBranch ToBranch() => new(Priority, Name.Trim(), Steps.Select(s => s.ToStep()).ToList(), When.Count == 0 ? null : When.Select(c => c.ToCondition()).ToList());
}
