using System.Text.Json.Serialization;

namespace Urakata.Workflow.Routing;

/// <summary>Who is asked to approve a step. Resolved against the organisation on the date of the step.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(NamedUser), "user")]
[JsonDerivedType(typeof(RoleMembers), "role")]
[JsonDerivedType(typeof(Manager), "manager")]
[JsonDerivedType(typeof(PositionAboveApplicant), "position")]
[JsonDerivedType(typeof(PositionInDepartment), "department-position")]
public abstract record ApproverRule
{
    private ApproverRule()
    {
    }

    /// <summary>A named person (e.g. the 経理 checker).</summary>
    public sealed record NamedUser(Guid UserId) : ApproverRule;

    /// <summary>Every active member holding a role in the company.</summary>
    public sealed record RoleMembers(Guid RoleId) : ApproverRule;

    /// <summary>The applicant's manager <paramref name="LevelsUp"/> levels up: 1 = 所属長, 2 = 上位部署の長…</summary>
    public sealed record Manager(int LevelsUp = 1) : ApproverRule;

    /// <summary>The holder of a position in the applicant's department or, when it has none, the nearest department above (「申請者の部の部長」).</summary>
    public sealed record PositionAboveApplicant(string PositionCode) : ApproverRule;

    /// <summary>The holder of a position in a named department (「経理部の部長」).</summary>
    public sealed record PositionInDepartment(Guid DepartmentId, string PositionCode) : ApproverRule;

    /// <summary>Rules that follow the reporting line; only these steps are skipped for a senior applicant.</summary>
    internal bool FollowsReportingLine => this is Manager or PositionAboveApplicant;
}

/// <summary>How many of a step's approvers must act.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepMode>))]
public enum StepMode
{
    /// <summary>One of them.</summary>
    Any,
    /// <summary>All of them (合議).</summary>
    All,
    /// <summary>At least <see cref="StepDefinition.RequiredCount"/> of them.</summary>
    AtLeast,
    /// <summary>回覧: each only confirms; the step never blocks.</summary>
    Circulate,
}

/// <summary>What to do when nobody holds the post on the date.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VacancyPolicy>))]
public enum VacancyPolicy
{
    Skip,
    /// <summary>Ask the next level up instead.</summary>
    Escalate,
}

/// <summary>One step of a route as an administrator defines it.</summary>
/// <param name="DueDays">Business days the step may take (reminders before and after; none when null).</param>
/// <param name="EscalateAfterDays">Business days past due after which the approver's manager is added.</param>
/// <param name="AllowAddApprover">The step's approvers may add someone to it mid-flow (e.g. a specialist's opinion).</param>
public sealed record StepDefinition(
    string Name, ApproverRule Rule, StepMode Mode = StepMode.Any, int RequiredCount = 1, VacancyPolicy Vacancy = VacancyPolicy.Skip,
    int? DueDays = null, int? EscalateAfterDays = null, bool AllowAddApprover = false);
