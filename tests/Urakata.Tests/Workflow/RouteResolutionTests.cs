using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Hosting;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Routing;
using Rule = Urakata.Workflow.Routing.ApproverRule;

namespace Urakata.Tests.Workflow;

/// <summary>
/// Route resolution against the demo organisation (see DemoSeeder): 本社 社長 佐藤 › 営業本部 本部長 渡辺 › 営業部 部長 山本 ›
/// 営業一課 課長 中村 (staff 山田); 開発部 部長 山口, 主任 森, staff 池田 (no 課長); 人事部 主任 吉田 with 部長 鈴木 by 兼務.
/// </summary>
[Trait("Category", "Database")]
public sealed class RouteResolutionTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task StaffOfASection_ClimbsTheReportingLine_StepByStep()
    {
        var steps = await ResolveAsync("yamada", Today,
            new StepDefinition("所属長", new Rule.Manager(1)),
            new StepDefinition("部長", new Rule.PositionAboveApplicant("department-head")),
            new StepDefinition("本部長", new Rule.PositionAboveApplicant("division-head")),
            new StepDefinition("社長", new Rule.PositionAboveApplicant("president")));
        Assert.Equal(["中村 翔", "山本 大輔", "渡辺 健", "佐藤 健一"], steps.Select(s => Assert.Single(s.Approvers).DisplayName));
        Assert.All(steps, s => Assert.Equal(StepOutcome.Active, s.Outcome));
    }

    [Fact]
    public async Task SeniorApplicant_SkipsAStepWhoseApproverRanksBelow()
    {
        // 部長 山口 applies; a 主任 step in his own department would ask his subordinate: skipped.
        var steps = await ResolveAsync("yamaguchi", Today,
            new StepDefinition("主任確認", new Rule.PositionAboveApplicant("lead")),
            new StepDefinition("所属長", new Rule.Manager(1)));
        Assert.Equal(StepOutcome.SkippedJunior, steps[0].Outcome);
        Assert.Equal(["佐藤 健一"], steps[1].Approvers.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task ApplicantHoldingThePost_NeverApprovesTheirOwnRequest()
    {
        var kimura = await UserAsync("kimura");
        var steps = await ResolveAsync("kimura", Today,
            new StepDefinition("課長", new Rule.PositionAboveApplicant("section-head")),
            new StepDefinition("本人指定", new Rule.NamedUser(kimura)));
        Assert.Equal([StepOutcome.SkippedApplicant, StepOutcome.SkippedApplicant], steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task VacantPost_IsSkipped_OrEscalatedToTheNextLevel_PerStep()
    {
        // 開発部 has no 課長.
        var skip = await ResolveAsync("ikeda", Today, new StepDefinition("課長", new Rule.PositionAboveApplicant("section-head")));
        Assert.Equal(StepOutcome.SkippedVacant, Assert.Single(skip).Outcome);

        var escalate = await ResolveAsync("ikeda", Today, new StepDefinition("課長", new Rule.PositionAboveApplicant("section-head"), Vacancy: VacancyPolicy.Escalate));
        var step = Assert.Single(escalate);
        Assert.Equal((StepOutcome.Active, true), (step.Outcome, step.Escalated));
        Assert.Equal(["山口 修"], step.Approvers.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task ConcurrentPost_MakesTheHeadOfTheSecondDepartmentAnApprover()
    {
        var steps = await ResolveAsync("yoshida", Today,
            new StepDefinition("所属長", new Rule.Manager(1)),
            new StepDefinition("部長", new Rule.PositionAboveApplicant("department-head")));
        Assert.All(steps, s => Assert.Equal(["鈴木 一郎"], s.Approvers.Select(a => a.DisplayName)));
    }

    [Fact]
    public async Task RoleStep_AsksEveryActiveHolderButTheApplicant()
    {
        var role = await factory.InCompanyAsync(await CompanyAsync(), await UserAsync("admin"), async sp =>
            (await sp.GetRequiredService<RoleAdmin>().RolesAsync()).Single(r => r.Name == "経理担当").Id);
        var steps = await ResolveAsync("tanaka", Today, new StepDefinition("経理確認", new Rule.RoleMembers(role), StepMode.All));
        Assert.Equal(["加藤 陽子", "小林 花子"], steps[0].Approvers.Select(a => a.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal(StepMode.All, steps[0].Definition.Mode);
    }

    [Fact]
    public async Task Transfer_ChangesTheApproverFromItsEffectiveDate()
    {
        var company = await CompanyAsync();
        var shimizu = await UserAsync("shimizu");
        await factory.InCompanyAsync(company, await UserAsync("admin"), async sp =>
        {
            var org = sp.GetRequiredService<OrgAdmin>();
            var current = (await org.AssignmentsAsync(shimizu, null, Today)).Single();
            await org.EndAssignmentAsync(current.Id, new DateOnly(2026, 11, 30), current.Version);
            var first = (await org.DepartmentsAsync()).Single(d => d.Code == "211");
            await org.SaveAssignmentAsync(null, new SaveAssignment(shimizu, first.Id, null, new DateOnly(2026, 12, 1), null, true));
        });
        var before = await ResolveAsync("shimizu", new DateOnly(2026, 11, 30), new StepDefinition("所属長", new Rule.Manager(1)));
        var after = await ResolveAsync("shimizu", new DateOnly(2026, 12, 1), new StepDefinition("所属長", new Rule.Manager(1)));
        Assert.Equal("木村 誠", Assert.Single(before[0].Approvers).DisplayName);
        Assert.Equal("中村 翔", Assert.Single(after[0].Approvers).DisplayName);
    }

    private async Task<IReadOnlyList<ResolvedStep>> ResolveAsync(string applicant, DateOnly date, params StepDefinition[] steps)
    {
        var applicantId = await UserAsync(applicant);
        return await factory.InCompanyAsync(await CompanyAsync(), null, sp => sp.GetRequiredService<RouteResolver>().ResolveAsync(applicantId, date, steps));
    }

    private async Task<Guid> CompanyAsync()
    {
        await DemoSeeder.SeedAsync(factory.Services, UrakataFactory.Password, new DateOnly(2025, 4, 1));
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!.CurrentCompanyId!.Value;
    }

    private async Task<Guid> UserAsync(string name)
    {
        await CompanyAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name))!.Id;
    }
}
