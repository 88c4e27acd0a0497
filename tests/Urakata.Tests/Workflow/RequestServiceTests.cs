using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.Requests;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.Workflow;

/// <summary>Filing and acting on requests of the built-in kinds in the demo company, through the service the API and pages use.</summary>
[Trait("Category", "Database")]
public sealed class RequestServiceTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task Ringi_IsNumberedGapFree_AndRoutedByTheAmountRule()
    {
        var demo = await SeedAsync(factory);
        var small = await demo.RingiAsync("yamada", "展示会出展の件", 300_000);
        var large = await demo.RingiAsync("yamada", "サーバー更新の件", 1_200_000);

        var year = small.Number![3..7];
        Assert.Equal(int.Parse(small.Number[8..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(large.Number![8..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith($"RG-{year}-", large.Number, StringComparison.Ordinal);
        // 山田 (営業一課): 所属長 = 中村 課長, 部門長 = 山本 部長; from ¥1,000,000 also 役員決裁 = 渡辺 営業本部長.
        Assert.Equal(["所属長:中村 翔", "部門長:山本 大輔"], Route(small));
        Assert.Equal(["所属長:中村 翔", "部門長:山本 大輔", "役員決裁:渡辺 健"], Route(large));
        Assert.Equal((1_200_000L, "標準ルート"), (large.Amount!.Value, large.RouteName));
    }

    [Fact]
    public async Task InvalidForm_IsRefusedFieldByField_AndNothingIsSavedOrNumbered()
    {
        var demo = await SeedAsync(factory);
        var before = await CountAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() => demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput("purchase", "備品購入",
            Values(("lines", new System.Text.Json.Nodes.JsonArray(
                Values(("item", "モニター"), ("quantity", "2"), ("unit_price", "29,800")),
                Values(("item", "キーボード"), ("quantity", "多数"), ("unit_price", "-5")))))))));
        Assert.Equal(["lines[2].quantity", "lines[2].unit_price", "vendor"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("明細 2行目の数量", error.Errors["lines[2].quantity"][0], StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var missing = await Assert.ThrowsAsync<ValidationException>(() => demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput("ringi", "件名", Values(("purpose", "x"))))));
        Assert.Equal(["金額を入力してください。"], missing.Errors["amount"]);
    }

    [Fact]
    public async Task PurchaseRequest_ComputesLineAmountsAndTheTotal_OnTheServer()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput("purchase", "備品購入", Values(
            ("vendor", "株式会社オフィス用品"),
            ("total", 1), // computed: whatever the client sends is replaced
            ("lines", new System.Text.Json.Nodes.JsonArray(
                Values(("item", "モニター"), ("quantity", "2"), ("unit_price", "１５，０００")),
                Values(("item", "ケーブル"), ("quantity", 3), ("unit_price", 1980), ("amount", 1))))))));
        Assert.Equal(30_000 + 5_940, r.Amount);
        Assert.Equal("30000", r.Values["lines"]![0]!["amount"]!.ToJsonString());
        Assert.Equal("35940", r.Values["total"]!.ToJsonString());
    }

    [Fact]
    public async Task FiledOnBehalf_NeedsThePermission_TheApplicantIsThePersonItIsFor_AndCannotApprove()
    {
        var demo = await SeedAsync(factory);
        var inoue = await demo.UserAsync("inoue");
        await Assert.ThrowsAsync<ForbiddenException>(() => demo.Requests("matsumoto", s => s.SubmitNewAsync(
            new RequestInput("ringi", "代理申請の件", Values(("purpose", "x"), ("amount", 10_000)), inoue))));

        // 吉田 (人事) files for 井上 as a secretary would.
        var request = await demo.Requests("yoshida", s => s.SubmitNewAsync(new RequestInput("ringi", "代理申請の件", Values(("purpose", "x"), ("amount", 10_000)), inoue)));
        Assert.Equal((inoue, await demo.UserAsync("yoshida"), "井上 美穂"), (request.ApplicantId, request.FiledBy, request.ApplicantName));
        await Assert.ThrowsAsync<ConflictException>(() => demo.Requests("inoue", s => s.ApproveAsync(request.Id, null, null)));
        var approved = await demo.Requests("nakamura", s => s.ApproveAsync(request.Id, null, null));
        Assert.Equal("部門長", approved.CurrentStep!.Name);
    }

    [Fact]
    public async Task SendBack_EditAndResubmit_KeepsTheNumber_AndShowsWhatChanged()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("yamada", "新規顧客向けデモ機", 1_500_000);
        await demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, "妥当です"));
        await Assert.ThrowsAsync<DomainException>(() => demo.Requests("yamamoto", s => s.SendBackAsync(r.Id, null, " ", null)));
        var back = await demo.Requests("yamamoto", s => s.SendBackAsync(r.Id, null, "金額を見直してください", null));
        Assert.Equal(RequestStatus.SentBack, back.Status);

        await Assert.ThrowsAsync<ConflictException>(() => demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null)));
        await demo.Requests("yamada", s => s.UpdateAsync(r.Id, "新規顧客向けデモ機", Values(("purpose", "業務のため"), ("amount", 900_000))));
        var again = await demo.Requests("yamada", s => s.SubmitAsync(r.Id));

        Assert.Equal((r.Number, 2, RequestStatus.InProgress), (again.Number, again.Round, again.Status));
        var change = Assert.Single(again.ChangesSinceLastRound());
        Assert.Equal(("amount", "1500000", "900000"), (change.Field, change.Before!.ToJsonString(), change.After!.ToJsonString()));
        // Below ¥1,000,000 the 役員 step is no longer on the route.
        Assert.Equal(["所属長:中村 翔", "部門長:山本 大輔"], Route(again));
        Assert.Equal(["submit", "approve", "send-back", "submit"], again.History.Select(h => h.Action));
    }

    [Fact]
    public async Task Visibility_StrangersGet404_ApproversOnALaterStepGet409_AndAnotherCompanyGets404()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("yamada", "見えない人の確認", 100_000);
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("ikeda", s => s.GetAsync(r.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => demo.Requests("ikeda", s => s.ApproveAsync(r.Id, null, null)));
        // 山本 is on the route (部門長) but it is 中村's turn: visible, not theirs.
        var notYet = await Assert.ThrowsAsync<ConflictException>(() => demo.Requests("yamamoto", s => s.ApproveAsync(r.Id, null, null)));
        Assert.Contains("承認待ちではありません", notYet.Message, StringComparison.Ordinal);
        // The accounting role reads every request.
        Assert.Equal(r.Number, (await demo.Requests("kato", s => s.GetAsync(r.Id))).Number);

        var other = await factory.CreateCompanyAsync("別会社株式会社", "wf-other-" + Guid.NewGuid().ToString("N")[..6]);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.InCompanyAsync(other.Id, other.AdminId, sp => sp.GetRequiredService<RequestService>().GetAsync(r.Id)));
        var unchanged = await demo.Requests("yamada", s => s.GetAsync(r.Id));
        Assert.Equal((1, "所属長"), (unchanged.History.Count, unchanged.CurrentStep!.Name));
    }

    [Fact]
    public async Task DoubleClick_RecordsOneApproval_AndTheSecondIsAlreadyDecided()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("matsumoto", "出張の件", 50_000);
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => TryAsync(() => demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null)))));
        Assert.Equal(1, clicks.Count(ok => ok));
        var after = await demo.Requests("matsumoto", s => s.GetAsync(r.Id));
        Assert.Single(after.History, h => h.Action == "approve");
    }

    [Fact]
    public async Task ClicksThatAllLoadedBeforeTheFirstSave_RecordOneApproval_AndTheOthersAreAlreadyDecided()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("inoue", "同時承認の件", 30_000);
        var nakamura = await demo.UserAsync("nakamura");
        // Hold the company's audit chain (every save takes it first), so that all the clicks load the request and then
        // queue at their save: each loser meets the winner's rows. On PostgreSQL a loser used to fail on the
        // wf_participants key (a 500) instead of "already decided" (bench/README.md).
        await using var holder = factory.Services.CreateAsyncScope();
        using var system = holder.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem("test");
        var db = holder.ServiceProvider.GetRequiredService<UrakataDbContext>();
        var clicks = new List<Task<string>>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.AuditChainHeads.Where(h => h.CompanyId == demo.CompanyId).ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence));
            // Task.Run: SQLite waits for its write lock synchronously, which would otherwise block this thread.
            clicks.AddRange(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OutcomeAsync(() =>
                factory.InCompanyAsync(demo.CompanyId, nakamura, sp => sp.GetRequiredService<RequestService>().ApproveAsync(r.Id, null, null))))));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await tx.CommitAsync();
        }
        var outcomes = await Task.WhenAll(clicks);
        Assert.Equal(["ok", "409", "409", "409"], outcomes.Order(StringComparer.Ordinal).Reverse());
        var after = await demo.Requests("inoue", s => s.GetAsync(r.Id));
        Assert.Equal((1, 2, "部門長"), (after.History.Count(h => h.Action == "approve"), after.Version, after.CurrentStep!.Name));
    }

    [Fact]
    public async Task WithdrawnRequest_CannotBeApproved()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("inoue", "取り下げる件", 20_000);
        await demo.Requests("inoue", s => s.WithdrawAsync(r.Id));
        var error = await Assert.ThrowsAsync<ConflictException>(() => demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null)));
        Assert.Contains("取り下げ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyToApprove_IsRefused_ExceptForTheTopOfTheOrganisation()
    {
        var demo = await SeedAsync(factory);
        // The administrator holds no post: nobody would approve, so nothing is filed.
        var error = await Assert.ThrowsAsync<DomainException>(() => demo.RingiAsync("admin", "承認者のいない申請", 10_000));
        Assert.Contains("承認する人が見つかりません", error.Message, StringComparison.Ordinal);
        // 社長 has nobody above: the request is decided as it is filed (社長決裁), and the history says who.
        var president = await demo.RingiAsync("sato", "社長決裁の件", 10_000_000);
        Assert.Equal((RequestStatus.Approved, "submit"), (president.Status, president.History.Single().Action));
    }

    private static string[] Route(ApprovalRequest r) =>
        r.Steps.Where(s => s.Status != StepStatus.Skipped).Select(s => $"{s.Name}:{string.Join("・", s.Approvers.Select(a => a.DisplayName))}").ToArray();

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem("test");
        return await db.Set<ApprovalRequest>().IgnoreQueryFilters().CountAsync();
    }

    private static async Task<string> OutcomeAsync(Func<Task> action)
    {
        try
        {
            await action();
            return "ok";
        }
        catch (ConflictException)
        {
            return "409";
        }
        catch (Exception ex)
        {
            return ex.GetType().Name + ": " + ex.InnerException?.Message;
        }
    }

    private static async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
