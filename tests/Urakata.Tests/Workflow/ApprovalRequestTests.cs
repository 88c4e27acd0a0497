using Urakata.Platform.Domain;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;
using Rule = Urakata.Workflow.Routing.ApproverRule;

namespace Urakata.Tests.Workflow;

/// <summary>The approval flow's rules, on a request whose route is given directly (no database).</summary>
public sealed class ApprovalRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Applicant = Guid.NewGuid(), Secretary = Guid.NewGuid();
    private static readonly Guid SectionHead = Guid.NewGuid(), Manager = Guid.NewGuid(), Reader = Guid.NewGuid();
    private static readonly Guid DirectorA = Guid.NewGuid(), DirectorB = Guid.NewGuid(), DirectorC = Guid.NewGuid(), Deputy = Guid.NewGuid();

    private static ResolvedStep Step(int index, string name, StepMode mode, params Guid[] approvers) =>
        new(index, new StepDefinition(name, new Rule.Manager(), mode, mode == StepMode.AtLeast ? 2 : 1), StepOutcome.Active,
            approvers.Select(a => new Approver(a, a.ToString()[..8], 50)).ToList());

    private static ApprovalRequest Submitted(params ResolvedStep[] route)
    {
        var request = new ApprovalRequest(Guid.NewGuid(), "ringi", "新規取引先との契約", Applicant, Secretary);
        request.Submit("RG-2026-000001", route.Length > 0 ? route :
        [
            Step(0, "課長", StepMode.Any, SectionHead),
            Step(1, "部長", StepMode.Any, Manager),
            Step(2, "回覧", StepMode.Circulate, Reader),
            Step(3, "役員", StepMode.AtLeast, DirectorA, DirectorB, DirectorC),
        ], Secretary, Now);
        return request;
    }

    [Fact]
    public void Approvals_MoveStepByStep_CirculationNeverBlocks_AndTwoOfThreeDecide()
    {
        var r = Submitted();
        Assert.Equal(("課長", RequestStatus.InProgress), (r.CurrentStep!.Name, r.Status));
        r.Approve(SectionHead, null, "確認しました", Now);
        r.Approve(Manager, null, null, Now);
        Assert.Equal("役員", r.CurrentStep!.Name);
        Assert.Equal(StepStatus.Circulating, r.Steps[2].Status);
        r.Approve(DirectorB, null, null, Now);
        Assert.Equal(RequestStatus.InProgress, r.Status);
        r.Approve(DirectorC, null, null, Now);
        Assert.Equal(RequestStatus.Approved, r.Status);
        Assert.Single(r.DomainEvents.OfType<RequestApproved>());
        // 回覧 never blocked the route; the reader can still confirm afterwards, once.
        r.Confirm(Reader, Now);
        Assert.Equal(Decision.Confirmed, r.Steps[2].Approvers[0].Decision);
        Assert.Throws<ConflictException>(() => r.Confirm(Reader, Now));
        Assert.Throws<ConflictException>(() => r.Confirm(DirectorA, Now));
    }

    [Fact]
    public void DoubleClick_NotYourTurn_AndSelfApproval_AreConflicts()
    {
        var r = Submitted(Step(0, "合議", StepMode.All, SectionHead, Manager), Step(1, "役員", StepMode.Any, DirectorA));
        r.Approve(SectionHead, null, null, Now);
        Assert.Throws<ConflictException>(() => r.Approve(SectionHead, null, null, Now));
        Assert.Throws<ConflictException>(() => r.Approve(DirectorA, null, null, Now));
        Assert.Throws<ConflictException>(() => r.Approve(Applicant, null, null, Now));
        Assert.Throws<ConflictException>(() => r.Approve(Deputy, Applicant, null, Now));
        Assert.Equal("合議", r.CurrentStep!.Name);
        r.Approve(Manager, null, null, Now);
        Assert.Equal("役員", r.CurrentStep!.Name);
    }

    [Fact]
    public void Deputy_ActsForTheApprover_AndTheHistoryKeepsBothNames()
    {
        var r = Submitted(Step(0, "部長", StepMode.Any, Manager));
        r.Approve(Deputy, Manager, "代理で承認", Now);
        Assert.Equal(RequestStatus.Approved, r.Status);
        Assert.Equal((Deputy, Manager), (r.Steps[0].Approvers[0].ActedBy!.Value, r.Steps[0].Approvers[0].UserId));
        Assert.Contains(r.History, e => e.Action == "approve" && e.ActorId == Deputy && e.OnBehalfOf == Manager);
    }

    [Fact]
    public void Reject_NeedsAComment_AndIsFinal()
    {
        var r = Submitted();
        Assert.Throws<DomainException>(() => r.Reject(SectionHead, null, " ", Now));
        r.Reject(SectionHead, null, "予算超過のため", Now);
        Assert.Equal(RequestStatus.Rejected, r.Status);
        Assert.Single(r.DomainEvents.OfType<RequestRejected>());
        Assert.Throws<ConflictException>(() => r.Approve(SectionHead, null, null, Now));
        Assert.Throws<ConflictException>(() => r.Withdraw(Applicant, Now));
    }

    [Fact]
    public void SendBackToTheApplicant_ThenResubmit_KeepsTheNumberAndEarlierRounds()
    {
        var r = Submitted();
        r.Approve(SectionHead, null, null, Now);
        r.SendBack(Manager, null, "金額の根拠を添付してください", null, Now);
        Assert.Equal(RequestStatus.SentBack, r.Status);
        r.Submit("RG-2026-000099", [Step(0, "課長", StepMode.Any, SectionHead), Step(1, "部長", StepMode.Any, Manager)], Applicant, Now);
        Assert.Equal(("RG-2026-000001", 2, "課長"), (r.Number, r.Round, r.CurrentStep!.Name));
        Assert.Equal(["submit", "approve", "send-back", "submit"], r.History.Select(e => e.Action));
        Assert.Equal([1, 1, 1, 2], r.History.Select(e => e.Round));
    }

    [Fact]
    public void SendBackToAnEarlierStep_AsksThatStepAgain()
    {
        var r = Submitted();
        r.Approve(SectionHead, null, null, Now);
        Assert.Throws<DomainException>(() => r.SendBack(Manager, null, "再確認を", 1, Now));
        r.SendBack(Manager, null, "課長、再確認をお願いします", 0, Now);
        Assert.Equal(("課長", RequestStatus.InProgress), (r.CurrentStep!.Name, r.Status));
        Assert.Null(r.Steps[0].Approvers[0].Decision);
        r.Approve(SectionHead, null, null, Now);
        Assert.Equal("部長", r.CurrentStep!.Name);
    }

    [Fact]
    public void PullBack_OnlyBeforeAnyApproverActed_AndOnlyByTheApplicantSide()
    {
        var early = Submitted();
        Assert.Throws<ConflictException>(() => early.PullBack(Manager, Now));
        early.PullBack(Secretary, Now);
        Assert.Equal(RequestStatus.SentBack, early.Status);

        var late = Submitted();
        late.Approve(SectionHead, null, null, Now);
        Assert.Throws<ConflictException>(() => late.PullBack(Applicant, Now));
    }

    [Fact]
    public void RetractApproval_WhileTheNextStepHasNotActed()
    {
        var r = Submitted();
        r.Approve(SectionHead, null, null, Now);
        r.RetractApproval(SectionHead, Now);
        Assert.Equal("課長", r.CurrentStep!.Name);
        r.Approve(SectionHead, null, null, Now);
        r.Approve(Manager, null, null, Now);
        Assert.Throws<ConflictException>(() => r.RetractApproval(SectionHead, Now));
    }

    [Fact]
    public void Withdraw_IsFinal_AndPublishedOnce()
    {
        var r = Submitted();
        r.Withdraw(Applicant, Now);
        Assert.Equal(RequestStatus.Withdrawn, r.Status);
        Assert.Single(r.DomainEvents.OfType<RequestWithdrawn>());
        Assert.Throws<ConflictException>(() => r.Approve(SectionHead, null, null, Now));
        Assert.Throws<ConflictException>(() => r.Submit("x", [], Applicant, Now));
    }

    [Fact]
    public void RouteWithEveryStepSkipped_IsApprovedOnSubmission()
    {
        var skipped = new ResolvedStep(0, new StepDefinition("課長", new Rule.Manager()), StepOutcome.SkippedJunior, []);
        var r = Submitted(skipped);
        Assert.Equal(RequestStatus.Approved, r.Status);
        Assert.Null(r.CurrentStep);
    }
}
