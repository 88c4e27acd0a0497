using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Employees;
using Urakata.People.SelfService;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using Urakata.Workflow.Requests;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.People;

/// <summary>
/// 住所変更届 and 給与振込口座変更届 through the approval engine: refused at filing by the master's rules, applied to the
/// applicant's own record only on the final approval.
/// </summary>
[Trait("Category", "Database")]
public sealed class SelfServiceTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static Task<Employee> YamadaAsync(WorkflowDemo demo) => demo.As<UrakataDbContext, Employee>("admin", async db =>
        await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == "山田 太郎"));

    [Fact]
    public async Task AddressChange_AppliesOnTheFinalApproval_NotBefore()
    {
        var demo = await SeedAsync(factory);
        var before = await YamadaAsync(demo);
        var filed = await demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput(ChangeRequests.AddressKind, "住所変更届",
            Values(("moved_on", "2026-11-20"), ("postal_code", "５３００００１"), ("address", "大阪府大阪市北区梅田1-1-1"), ("phone", "06-1234-5678")))));

        // 所属長 (中村) approves: one step left, the master is unchanged.
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        Assert.Equal(before.Address, (await YamadaAsync(demo)).Address);

        // 部門長 (山本) approves: now it is on 山田's record, normalised as the master keeps it.
        var approved = await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, "確認しました"));
        Assert.Equal(RequestStatus.Approved, approved.Status);
        var after = await YamadaAsync(demo);
        Assert.Equal(("530-0001", "大阪府大阪市北区梅田1-1-1", "06-1234-5678"), (after.PostalCode, after.Address, after.Phone));
        Assert.Equal(before.PayAccountNumber, after.PayAccountNumber);
    }

    [Fact]
    public async Task DependantsChange_AddsAndRemovesOnTheFinalApproval_AndBadRowsAreRefusedUnderTheirCell()
    {
        var demo = await SeedAsync(factory);
        static JsonObject Row(string change, string name, string? kana = null, string? relation = null, string? born = null) =>
            new() { ["change"] = change, ["name"] = name, ["kana"] = kana, ["relation"] = relation, ["birth_date"] = born, ["lives_together"] = true };
        Task<ApprovalRequest> File(params JsonObject[] rows) => demo.Requests("yamada", s => s.SubmitNewAsync(new RequestInput(
            ChangeRequests.DependantsKind, "扶養異動届", Values(("changed_on", "2026-11-20"), ("dependants", new JsonArray(rows)), ("reason", "出生")))));
        async Task ApproveAsync(ApprovalRequest r)
        {
            await demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null));
            Assert.Equal(RequestStatus.Approved, (await demo.Requests("yamamoto", s => s.ApproveAsync(r.Id, null, null))).Status);
        }

        Task<List<Dependant>> DependantsAsync() => demo.As<UrakataDbContext, List<Dependant>>("admin", db =>
            db.Set<Dependant>().AsNoTracking().Where(d => db.Set<Employee>().Any(e => e.Id == d.EmployeeId && e.Name == "山田 太郎")).ToListAsync());
        var before = (await DependantsAsync()).Count;

        // A child is born: on the register only after the final approval, with what the row said.
        var birth = await File(Row("追加", "山田 陽菜", "ﾔﾏﾀﾞ ﾋﾅ", "子", "2026-11-01"));
        await demo.Requests("nakamura", s => s.ApproveAsync(birth.Id, null, null));
        Assert.Equal(before, (await DependantsAsync()).Count);
        await demo.Requests("yamamoto", s => s.ApproveAsync(birth.Id, null, null));
        var hina = (await DependantsAsync()).Single(d => d.Name == "山田 陽菜");
        Assert.Equal(("ヤマダ ヒナ", DependantRelation.Child, new DateOnly(2026, 11, 1), true), (hina.Kana, hina.Relation, hina.BirthDate, hina.LivesTogether));

        // Removed by name, however it is spaced.
        await ApproveAsync(await File(Row("削除", "山田陽菜")));
        Assert.Equal(before, (await DependantsAsync()).Count);
        Assert.DoesNotContain(await DependantsAsync(), d => d.Name == "山田 陽菜");

        // A name not on the register, or an addition without its フリガナ, is refused under that row; nothing is filed.
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => File(Row("追加", "山田 一郎", "ヤマダ イチロウ", "子", "2020-01-01"), Row("削除", "山田 次郎")));
        Assert.Equal(["dependants[2].name"], unknown.Errors.Keys);
        var noKana = await Assert.ThrowsAsync<ValidationException>(() => File(Row("追加", "山田 一郎", null, "子", "2020-01-01")));
        Assert.Equal(["dependants[1].kana"], noKana.Errors.Keys);
        Assert.Equal(before, (await DependantsAsync()).Count);
    }

    [Fact]
    public async Task BadValues_AreRefusedWhenFiled_UnderTheFieldTheEmployeeTyped()
    {
        var demo = await SeedAsync(factory);
        var address = await Assert.ThrowsAsync<ValidationException>(() => demo.Requests("inoue", s => s.SubmitNewAsync(new RequestInput(
            ChangeRequests.AddressKind, "住所変更届", Values(("moved_on", "2026-11-20"), ("postal_code", "53-1"), ("address", "大阪市"))))));
        Assert.Equal(["postal_code"], address.Errors.Keys);
        var account = await Assert.ThrowsAsync<ValidationException>(() => demo.Requests("inoue", s => s.SubmitNewAsync(new RequestInput(
            ChangeRequests.PayAccountKind, "口座変更", Values(("bank_code", "12"), ("branch_code", "001"), ("account_type", "普通"),
                ("account_number", "1234567"), ("holder_kana", "イノウエ ミホ"))))));
        Assert.Equal(["bank_code"], account.Errors.Keys);

        // A valid one goes through to the end and the account is replaced, kana as 全銀 wants it.
        var filed = await demo.Requests("inoue", s => s.SubmitNewAsync(new RequestInput(ChangeRequests.PayAccountKind, "口座変更",
            Values(("bank_code", "0001"), ("branch_code", "001"), ("account_type", "当座"), ("account_number", "7654321"), ("holder_kana", "イノウエ ミホ")))));
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null));
        var inoue = await demo.As<UrakataDbContext, Employee>("admin", async db => await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == "井上 美穂"));
        Assert.Equal(("0001", "001", BankAccountType.Current, "7654321", "ｲﾉｳｴ ﾐﾎ"),
            (inoue.PayBankCode, inoue.PayBranchCode, inoue.PayAccountType, inoue.PayAccountNumber, inoue.PayAccountHolder));
    }
}
