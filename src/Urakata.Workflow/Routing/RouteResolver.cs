using Urakata.Platform.Data;
using Urakata.Platform.Org;
using Microsoft.EntityFrameworkCore;

namespace Urakata.Workflow.Routing;

public sealed record Approver(Guid UserId, string DisplayName, int Rank);

public enum StepOutcome
{
    /// <summary>The step waits for its approvers.</summary>
    Active,
    /// <summary>Nobody holds the post on the date and the step is set to skip.</summary>
    SkippedVacant,
    /// <summary>The only approver would be the applicant, who never approves their own request.</summary>
    SkippedApplicant,
    /// <summary>The approvers rank below the applicant (部長が申請→課長の承認は不要).</summary>
    SkippedJunior,
}

/// <param name="Escalated">Set when the post was vacant and the step went one level up.</param>
public sealed record ResolvedStep(int Index, StepDefinition Definition, StepOutcome Outcome, IReadOnlyList<Approver> Approvers, bool Escalated = false)
{
    public bool IsActive => Outcome == StepOutcome.Active;
}

/// <summary>
/// Turns a route's step definitions into the people who must act, for one applicant on one date. Rules:
/// the applicant is never an approver; a reporting-line step whose approvers all rank below the
/// applicant is skipped; a vacant post is skipped or escalated to the next level, per step.
/// </summary>
public sealed class RouteResolver(UrakataDbContext db, OrgDirectory org)
{
    public async Task<IReadOnlyList<ResolvedStep>> ResolveAsync(Guid applicantId, DateOnly date, IReadOnlyList<StepDefinition> steps, CancellationToken ct = default)
    {
        var posts = await org.PostsOfAsync(applicantId, date, ct);
        // Seniority is the applicant's most senior post on the date (a 課長 who is also 部長 by 兼務 is a 部長).
        var applicantRank = posts.Where(p => p.PositionId is not null).Select(p => p.Rank).DefaultIfEmpty(-1).Max();
        var result = new List<ResolvedStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            result.Add(await ResolveStepAsync(i, steps[i], applicantId, applicantRank, date, ct));
        }
        return result;
    }

    private async Task<ResolvedStep> ResolveStepAsync(int index, StepDefinition step, Guid applicantId, int applicantRank, DateOnly date, CancellationToken ct)
    {
        var found = await CandidatesAsync(step.Rule, applicantId, date, ct);
        var escalated = false;
        if (found.Count == 0 && step.Vacancy == VacancyPolicy.Escalate)
        {
            found = await EscalateAsync(step.Rule, applicantId, date, ct);
            escalated = found.Count > 0;
        }
        if (found.Count == 0)
        {
            return new(index, step, StepOutcome.SkippedVacant, [], escalated);
        }
        var others = found.Where(a => a.UserId != applicantId).DistinctBy(a => a.UserId).ToList();
        if (others.Count == 0)
        {
            return new(index, step, StepOutcome.SkippedApplicant, [], escalated);
        }
        if (step.Rule.FollowsReportingLine && applicantRank >= 0 && others.All(a => a.Rank < applicantRank))
        {
            return new(index, step, StepOutcome.SkippedJunior, others, escalated);
        }
        return new(index, step, StepOutcome.Active, others, escalated);
    }

    private async Task<List<Approver>> CandidatesAsync(ApproverRule rule, Guid applicantId, DateOnly date, CancellationToken ct) => rule switch
    {
        ApproverRule.NamedUser named => await ActiveMembersAsync([named.UserId], date, ct),
        ApproverRule.RoleMembers role => await ActiveMembersAsync(
            await db.Memberships.AsNoTracking().Where(m => m.IsActive && m.Roles.Any(r => r.RoleId == role.RoleId)).Select(m => m.UserId).ToListAsync(ct), date, ct),
        ApproverRule.Manager manager => ToApprovers(await org.ManagersAsync(applicantId, date, manager.LevelsUp, ct)),
        ApproverRule.PositionAboveApplicant above => ToApprovers(await org.PositionHoldersAboveAsync(applicantId, above.PositionCode, date, ct)),
        ApproverRule.PositionInDepartment inDept => ToApprovers((await org.MembersAsync(inDept.DepartmentId, date, ct)).Where(p => p.PositionCode == inDept.PositionCode)),
        _ => throw new InvalidOperationException($"Unknown approver rule {rule.GetType().Name}."),
    };

    /// <summary>The next level up: the applicant's manager for reporting-line rules, the head of the parent department for a named department's post.</summary>
    private async Task<List<Approver>> EscalateAsync(ApproverRule rule, Guid applicantId, DateOnly date, CancellationToken ct)
    {
        switch (rule)
        {
            case ApproverRule.Manager manager:
                return ToApprovers(await org.ManagersAsync(applicantId, date, manager.LevelsUp + 1, ct));
            case ApproverRule.PositionAboveApplicant:
                return ToApprovers(await org.ManagersAsync(applicantId, date, 1, ct));
            case ApproverRule.PositionInDepartment inDept:
                foreach (var departmentId in (await org.ChainAsync(inDept.DepartmentId, ct)).Skip(1))
                {
                    var heads = await org.HeadsAsync(departmentId, date, ct);
                    if (heads.Count > 0)
                    {
                        return ToApprovers(heads);
                    }
                }
                return [];
            default:
                return [];
        }
    }

    /// <summary>Named people and role holders count only while they are active members; their rank is their most senior post.</summary>
    private async Task<List<Approver>> ActiveMembersAsync(IReadOnlyCollection<Guid> userIds, DateOnly date, CancellationToken ct)
    {
        var active = await (from m in db.Memberships.AsNoTracking()
                            join u in db.Users on m.UserId equals u.Id
                            where m.IsActive && !u.IsDisabled && userIds.Contains(m.UserId)
                            select new { u.Id, u.DisplayName }).ToListAsync(ct);
        var result = new List<Approver>();
        foreach (var user in active)
        {
            var posts = await org.PostsOfAsync(user.Id, date, ct);
            result.Add(new Approver(user.Id, user.DisplayName, posts.Where(p => p.PositionId is not null).Select(p => p.Rank).DefaultIfEmpty(0).Max()));
        }
        return result;
    }

    private static List<Approver> ToApprovers(IEnumerable<OrgPost> posts) =>
        posts.Select(p => new Approver(p.UserId, p.DisplayName, p.Rank)).ToList();
}
