using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Requests;

namespace Urakata.Tests.Workflow;

/// <summary>
/// Approvers are those of the day a step starts waiting. Changes the demo organisation, so it has a database of its own.
/// </summary>
[Trait("Category", "Database")]
public sealed class StepResolutionTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    [Fact]
    public async Task ALaterStep_IsResolvedOnTheDayItStartsWaiting_FollowingATransferSinceSubmission()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var r = await demo.RingiAsync("shimizu", "異動をまたぐ申請", 60_000); // 営業二課: 木村 課長 → 営業部長 山本
        Assert.Equal("山本 大輔", r.Steps[1].Approvers.Single().DisplayName);

        // Before 木村 decides, 山本 leaves 営業部 and 山口 becomes its 部長 (effective yesterday).
        var (yamamoto, yamaguchi) = (await demo.UserAsync("yamamoto"), await demo.UserAsync("yamaguchi"));
        var sales = await demo.DepartmentAsync("210");
        await demo.As<Urakata.Platform.Features.OrgAdmin, bool>("admin", async o =>
        {
            var post = (await o.AssignmentsAsync(yamamoto, null, Today)).Single(a => a.IsPrimary);
            await o.EndAssignmentAsync(post.Id, Today.AddDays(-2), null);
            var head = (await o.PositionsAsync()).Single(p => p.Code == "department-head");
            await o.SaveAssignmentAsync(null, new Urakata.Platform.Features.SaveAssignment(yamaguchi, sales, head.Id, Today.AddDays(-1), null, false));
            return true;
        });

        var next = await demo.Requests("kimura", s => s.ApproveAsync(r.Id, null, null));
        Assert.Equal(("部門長", "山口 修"), (next.CurrentStep!.Name, next.CurrentStep.Approvers.Single().DisplayName));
        Assert.Equal(("reassign", "山口 修"), (next.History[^1].Action, next.History[^1].Comment));
        var inbox = await demo.As<InboxQuery, InboxPage>("yamaguchi", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: r.Number)));
        Assert.Single(inbox.Items);
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("yamamoto", s => s.ApproveAsync(r.Id, null, null)));
    }
}
