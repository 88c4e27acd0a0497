using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Org;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.Workflow;

/// <summary>代理承認 (proxy approvals), the inbox, administrator-defined kinds and routes, route migration — on the demo company.</summary>
[Trait("Category", "Database")]
public sealed class WorkflowFeatureTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    [Fact]
    public async Task Deputy_ActsForTheApproverWithinThePeriodAndKinds_AndTheHistoryShowsBothNames()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("hayashi", "代理承認の確認", 80_000); // 営業二課: 所属長 = 木村 課長
        var (kimura, matsumoto) = (await demo.UserAsync("kimura"), await demo.UserAsync("matsumoto"));

        // Not a deputy yet: 松本 cannot see it at all.
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("matsumoto", s => s.ApproveAsync(r.Id, kimura, null)));
        // A delegation for other kinds or other days does not help.
        await demo.As<ProxyApprovalService, ProxyApprovalDto>("kimura", d => d.CreateAsync(new ProxyApprovalInput(matsumoto, Today, Today.AddDays(3), ["purchase"])));
        await demo.As<ProxyApprovalService, ProxyApprovalDto>("kimura", d => d.CreateAsync(new ProxyApprovalInput(matsumoto, Today.AddDays(10), Today.AddDays(12))));
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("matsumoto", s => s.ApproveAsync(r.Id, kimura, null)));
        var notCovered = await demo.As<InboxQuery, InboxPage>("matsumoto", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: r.Number)));
        Assert.Equal((0, 0), (notCovered.Items.Count, notCovered.Total));

        await demo.As<ProxyApprovalService, ProxyApprovalDto>("kimura", d => d.CreateAsync(new ProxyApprovalInput(matsumoto, Today, Today.AddDays(3), ["ringi"], Reason: "出張のため")));
        var inbox = await demo.As<InboxQuery, InboxPage>("matsumoto", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: r.Number)));
        Assert.Equal(kimura, Assert.Single(inbox.Items).ForUserId);

        var approved = await demo.Requests("matsumoto", s => s.ApproveAsync(r.Id, null, "代理で承認します"));
        var e = approved.History[^1];
        Assert.Equal(("approve", matsumoto, (Guid?)kimura), (e.Action, e.ActorId, e.OnBehalfOf));
        Assert.Equal(matsumoto, approved.Steps[0].Approvers.Single().ActedBy);
        // The deputy cannot act for someone who did not name them.
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("ikeda", s => s.ApproveAsync(r.Id, null, null)));
    }

    [Fact]
    public async Task DeputyOnlyWhenAbsent_IsSwitchedOnByAnAbsence()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("shimizu", "休暇中の代理", 30_000);
        var (kimura, hayashi) = (await demo.UserAsync("kimura"), await demo.UserAsync("hayashi"));
        await demo.As<ProxyApprovalService, ProxyApprovalDto>("kimura", d => d.CreateAsync(new ProxyApprovalInput(hayashi, Today.AddDays(-30), Today.AddDays(300), OnlyWhenAbsent: true)));
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("hayashi", s => s.GetAsync(r.Id)));

        // The leave module records 木村's approved leave: the standing deputy is active for those days.
        await demo.As<ProxyApprovalService, bool>("admin", async d =>
        {
            await d.RecordAbsenceAsync(kimura, Today, Today.AddDays(1), "LV-TEST-1");
            return true;
        });
        var approved = await demo.Requests("hayashi", s => s.ApproveAsync(r.Id, null, null));
        Assert.Equal(kimura, approved.History[^1].OnBehalfOf);
    }

    [Fact]
    public async Task Inbox_ShowsWaitingCirculatedMineAndDone_WithSearchAndCounts()
    {
        var demo = await SeedAsync(factory);
        var a = await demo.RingiAsync("inoue", "受信箱テストA 展示会", 120_000);
        var b = await demo.RingiAsync("inoue", "受信箱テストB 広告", 2_400_000);
        var waiting = await demo.As<InboxQuery, InboxPage>("nakamura", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: "受信箱テスト")));
        Assert.Equal([b.Number, a.Number], waiting.Items.Select(i => i.Number));
        var byAmount = await demo.As<InboxQuery, InboxPage>("nakamura", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: "受信箱テスト", AmountMin: 1_000_000)));
        Assert.Equal([b.Number], byAmount.Items.Select(i => i.Number));
        var byApplicant = await demo.As<InboxQuery, InboxPage>("nakamura", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: "井上", From: Today, To: Today)));
        Assert.Contains(a.Number, byApplicant.Items.Select(i => i.Number));
        var before = await demo.As<InboxQuery, InboxCounts>("nakamura", q => q.CountsAsync());

        await demo.Requests("nakamura", s => s.ApproveAsync(a.Id, null, null));
        var after = await demo.As<InboxQuery, InboxCounts>("nakamura", q => q.CountsAsync());
        Assert.Equal(before.Waiting - 1, after.Waiting);
        var done = await demo.As<InboxQuery, InboxPage>("nakamura", q => q.SearchAsync(new InboxFilter(InboxBox.Done, Text: "受信箱テスト")));
        Assert.Equal([a.Number], done.Items.Select(i => i.Number));
        var mine = await demo.As<InboxQuery, InboxPage>("inoue", q => q.SearchAsync(new InboxFilter(InboxBox.Mine, Text: "受信箱テスト")));
        Assert.Equal(["部門長", "所属長"], mine.Items.Select(i => i.CurrentStepName));
    }

    [Fact]
    public async Task AdministratorKind_IsVersioned_AndARequestKeepsTheFormVersionItWasCreatedWith()
    {
        var demo = await SeedAsync(factory);
        var v1 = new FormDefinition([new FormField("name_on_card", "名刺の氏名", FieldType.Text, Required: true), new FormField("boxes", "箱数", FieldType.Number, Required: true)]);
        await demo.As<RequestKinds, KindInfo>("admin", k => k.CreateAsync(new KindInput("business-card", "名刺作成申請", "Business cards", "BC", v1)));
        await Assert.ThrowsAsync<Urakata.Platform.Security.ForbiddenException>(() =>
            demo.As<RequestKinds, KindInfo>("yamada", k => k.CreateAsync(new KindInput("other", "その他", null, "OT", v1))));
        var old = await demo.Requests("yamada", s => s.DraftAsync(new RequestInput("business-card", "名刺", Values(("name_on_card", "山田 太郎"), ("boxes", 2)))));

        var v2 = new FormDefinition([.. v1.Fields, new FormField("title_on_card", "肩書", FieldType.Text, Required: true)]);
        var kind = await demo.As<RequestKinds, KindInfo>("admin", k => k.PublishFormAsync("business-card", v2));
        Assert.Equal(2, kind.CurrentFormVersion);

        // The draft still follows version 1 (no 肩書 needed); a new request needs version 2's field.
        var submitted = await demo.Requests("yamada", s => s.SubmitAsync(old.Id));
        Assert.Equal((1, RequestStatus.InProgress), (submitted.FormVersion, submitted.Status));
        Assert.StartsWith("BC-", submitted.Number, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput("business-card", "名刺2", Values(("name_on_card", "山田 太郎"), ("boxes", 1))))));
        Assert.Equal(["title_on_card"], error.Errors.Keys);
    }

    [Fact]
    public async Task DepartmentRoute_Applies_InFlightRequestsKeepTheirVersion_AndMigrationNeverRerunsApprovedSteps()
    {
        var demo = await SeedAsync(factory);
        var sales2 = await demo.DepartmentAsync("212");
        var v1 = new RouteDefinition([new RouteBranch(0, "営業二課", [
            new RouteStep(new StepDefinition("課長", new ApproverRule.Manager(1))),
            new RouteStep(new StepDefinition("経理確認", new ApproverRule.NamedUser(await demo.UserAsync("kobayashi")))),
        ])]);
        var route = await demo.As<RouteCatalog, RouteDto>("admin", c => c.CreateAsync(new RouteInput("general", "営業二課の汎用申請", sales2, v1)));
        var r = await demo.Requests("shimizu", s => s.SubmitNewAsync(new RequestInput("general", "販促物の件", Values(("body", "販促物を作成したい")))));
        Assert.Equal(("営業二課の汎用申請", 1), (r.RouteName, r.RouteVersion));
        Assert.Equal(["課長", "経理確認"], r.Steps.Select(s => s.Name));
        await demo.Requests("kimura", s => s.ApproveAsync(r.Id, null, null));

        // Version 2 adds the 部長 between them; the request keeps version 1 until an administrator migrates it.
        var v2 = new RouteDefinition([new RouteBranch(0, "営業二課", [.. v1.Branches[0].Steps.Take(1),
            new RouteStep(new StepDefinition("部長", new ApproverRule.Manager(2))), .. v1.Branches[0].Steps.Skip(1)])]);
        await demo.As<RouteCatalog, RouteDto>("admin", c => c.PublishAsync(route.Id, v2));
        var still = await demo.Requests("shimizu", s => s.GetAsync(r.Id));
        Assert.Equal(("経理確認", 1), (still.CurrentStep!.Name, still.RouteVersion));

        await Assert.ThrowsAsync<Urakata.Platform.Security.ForbiddenException>(() => demo.Requests("kimura", s => s.MigrateRouteAsync(r.Id)));
        var migrated = await demo.Requests("admin", s => s.MigrateRouteAsync(r.Id));
        Assert.Equal(2, migrated.RouteVersion);
        Assert.Equal([("課長", StepStatus.Approved), ("部長", StepStatus.Active), ("経理確認", StepStatus.Waiting)], migrated.Steps.Select(s => (s.Name, s.Status)));
        Assert.Equal("migrate", migrated.History[^1].Action);
        Assert.Single(migrated.History, h => h.Action == "approve");
        Assert.True(await AuditedAsync(r.Id));

        // Another department's applicant still gets the built-in route.
        var other = await demo.Requests("ito", s => s.SubmitNewAsync(new RequestInput("general", "総務の件", Values(("body", "x")))));
        Assert.Equal("標準ルート", other.RouteName);
    }

    [Fact]
    public async Task StepOwner_AddsAnApproverMidFlow_WhenTheRouteAllowsIt()
    {
        var demo = await SeedAsync(factory);
        var dev = await demo.DepartmentAsync("300");
        await demo.As<RouteCatalog, RouteDto>("admin", c => c.CreateAsync(new RouteInput("general", "開発部の汎用申請", dev,
            RouteDefinition.Simple(new StepDefinition("部長", new ApproverRule.Manager(1), Mode: StepMode.All, AllowAddApprover: true)))));
        var r = await demo.Requests("ikeda", s => s.SubmitNewAsync(new RequestInput("general", "ライセンス追加の件", Values(("body", "開発ツールのライセンスを追加したい")))));
        var kobayashi = await demo.UserAsync("kobayashi");

        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("mori", s => s.AddApproverAsync(r.Id, kobayashi)));
        await Assert.ThrowsAsync<ConflictException>(() => demo.Requests("ikeda", s => s.AddApproverAsync(r.Id, kobayashi)));
        var added = await demo.Requests("yamaguchi", s => s.AddApproverAsync(r.Id, kobayashi));
        Assert.Equal(["山口 修", "小林 花子"], added.CurrentStep!.Approvers.Select(a => a.DisplayName));
        Assert.Equal(("add-approver", "小林 花子"), (added.History[^1].Action, added.History[^1].Comment));

        // 合議: both must approve now; the added person finds it in their inbox.
        var inbox = await demo.As<InboxQuery, InboxPage>("kobayashi", q => q.SearchAsync(new InboxFilter(InboxBox.Waiting, Text: r.Number)));
        Assert.Single(inbox.Items);
        await demo.Requests("yamaguchi", s => s.ApproveAsync(r.Id, null, null));
        var done = await demo.Requests("kobayashi", s => s.ApproveAsync(r.Id, null, "経理として確認しました"));
        Assert.Equal(RequestStatus.Approved, done.Status);
    }


    private async Task<bool> AuditedAsync(Guid requestId) =>
        await factory.InCompanyAsync(Guid.Empty, null, async sp =>
        {
            using var _ = sp.GetRequiredService<Urakata.Platform.Security.CurrentUser>().AsSystem("test");
            var key = requestId.ToString();
            return await sp.GetRequiredService<UrakataDbContext>().AuditEvents.AnyAsync(e => e.EntityId == key && e.Changes.Contains("RouteVersion"));
        });
}
