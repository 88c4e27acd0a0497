using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Analytics;
using Urakata.Workflow.Requests;

namespace Urakata.Tests.Workflow;

/// <summary>Due dates in business days, reminders before and after, escalation to the manager — each once, however often the job runs.</summary>
[Trait("Category", "Database")]
public sealed class DeadlineTests(DeadlineTests.ClockFactory factory) : IClassFixture<DeadlineTests.ClockFactory>
{
    public sealed class ClockFactory : UrakataFactory
    {
        protected override bool UseFakeClock => true;
    }

    [Fact]
    public async Task DueDateSkipsHolidays_RemindersGoOutOnce_AndTheManagerIsAddedAfterThreeBusinessDaysOverdue()
    {
        // Monday 2026-11-23 is 勤労感謝の日: the 所属長 step (2 business days) is due Wednesday 11/25.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var demo = await WorkflowDemo.SeedAsync(factory);
        var r = await demo.RingiAsync("hayashi", "期限テスト", 40_000); // 営業二課: 所属長 = 木村
        Assert.Equal(new DateOnly(2026, 11, 25), r.CurrentStep!.DueDate);
        // The scheduled run (09:00 on weekdays, on the same clock) may do the work before the explicit runs below:
        // what counts is what people receive — each notice exactly once.
        await RunTwiceAsync();
        Assert.Empty(await TitlesAsync(demo, "kimura", "承認期限"));

        await At(2026, 11, 24); // the business day before: a reminder
        await RunTwiceAsync();
        Assert.Equal(["承認期限が近づいています: " + Subject(r)], await TitlesAsync(demo, "kimura", "承認期限"));

        await At(2026, 11, 26); // overdue
        await RunTwiceAsync();
        Assert.Equal(["承認期限が近づいています: " + Subject(r), "承認期限を過ぎています: " + Subject(r)], await TitlesAsync(demo, "kimura", "承認期限"));

        await At(2026, 11, 27); // two business days past due: not yet escalated
        await RunTwiceAsync();
        Assert.Empty(await TitlesAsync(demo, "yamamoto", "エスカレーション"));
        await At(2026, 11, 30); // three business days past due (the weekend does not count): 山本 部長 is added
        await RunTwiceAsync();
        var escalated = await demo.Requests("hayashi", s => s.GetAsync(r.Id));
        Assert.Equal(["木村 誠", "山本 大輔"], escalated.CurrentStep!.Approvers.Select(a => a.DisplayName));
        Assert.True(escalated.CurrentStep.Escalated);
        Assert.Equal("escalate", escalated.History[^1].Action);
        Assert.Equal(["承認期限超過のためエスカレーションされました: " + Subject(r)], await TitlesAsync(demo, "yamamoto", "エスカレーション"));

        // The added manager can decide the step; the next step gets its own due date.
        var approved = await demo.Requests("yamamoto", s => s.ApproveAsync(r.Id, null, "代わりに承認します"));
        Assert.Equal(("部門長", new DateOnly(2026, 12, 2)), (approved.CurrentStep!.Name, approved.CurrentStep.DueDate));

        // Analytics shows where it stalled: the 所属長 step took 167 hours (11/23 10:00 → 11/30 09:00 JST).
        await At(2026, 12, 4); // the 部門長 step is now overdue too
        var report = await demo.As<ApprovalAnalytics, ApprovalReport>("yoshida", a => a.ReportAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        var step = Assert.Single(report.Steps, x => x.StepName == "所属長");
        Assert.Equal((1, 167.0), (step.Decided.Count, step.Decided.MeanHours));
        Assert.Equal(167.0, Assert.Single(report.Approvers, a => a.Name == "山本 大輔").Decided.MeanHours);
        var overdue = Assert.Single(report.Overdue, o => o.Id == r.Id);
        Assert.Equal(("部門長", 2, "山本 大輔"), (overdue.StepName, overdue.DaysOverdue, string.Join("、", overdue.WaitingFor)));
        Assert.Equal(1, Assert.Single(report.Approvers, a => a.Name == "山本 大輔").OverdueNow);
        await Assert.ThrowsAsync<Urakata.Platform.Security.ForbiddenException>(() =>
            demo.As<ApprovalAnalytics, ApprovalReport>("hayashi", a => a.ReportAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))));
    }

    private static string Subject(ApprovalRequest r) => $"{r.Number} {r.Title}(稟議)";

    private Task At(int year, int month, int day)
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)); // 09:00 in Tokyo
        return Task.CompletedTask;
    }

    private async Task RunTwiceAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineJob>().RunAsync();
        }
    }

    private async Task<List<string>> TitlesAsync(WorkflowDemo demo, string user, string containing)
    {
        var id = await demo.UserAsync(user);
        return await factory.InCompanyAsync(demo.CompanyId, id, sp => sp.GetRequiredService<UrakataDbContext>().Notifications
            .Where(n => n.UserId == id && n.Title.Contains(containing)).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());
    }
}
