using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave;
using Urakata.People.Leave.Records;
using Urakata.People.Leave.Requests;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Tests.Workflow;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Requests;
using static Urakata.Tests.People.PeopleTestData;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.People.Leave;

/// <summary>
/// 休暇申請 through the approval engine in the demo company (clock: 2026-11-24): recorded only on the final approval,
/// with the absence for 代理承認 and the leave calendar attendance reads; refused when filed on a rest day, beyond the
/// balance, over two dates for a half day, in hours without a 労使協定, or over a pending request; nothing on rejection.
/// </summary>
[Trait("Category", "Database")]
public sealed class LeaveRequestTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    internal static Task<ApprovalRequest> FileAsync(WorkflowDemo demo, string user, string type, string from, string to, string unit = LeaveRequests.FullDay, int? hours = null) =>
        demo.Requests(user, s => s.SubmitNewAsync(new RequestInput(LeaveRequests.Kind, "休暇申請",
            Values(("leave_type", type), ("from", from), ("to", to), ("unit", unit), ("hours", hours), ("reason", "私用")))));

    /// <summary>Filed by a member of 営業一課 (211) and approved by 中村 (課長) then 山本 (部長).</summary>
    internal static async Task<ApprovalRequest> ApprovedAsync(WorkflowDemo demo, string user, string type, string from, string to, string unit = LeaveRequests.FullDay)
    {
        var filed = await FileAsync(demo, user, type, from, to, unit);
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        return await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null));
    }

    private static async Task<ValidationException> RefusedAsync(WorkflowDemo demo, string user, string type, string from, string to, string unit = LeaveRequests.FullDay, int? hours = null) =>
        await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, user, type, from, to, unit, hours));

    internal static Task<Employee> EmployeeAsync(WorkflowDemo demo, string name) => demo.As<UrakataDbContext, Employee>("admin", async db =>
        await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == name));

    internal static Task<List<TakenLeave>> TakingsAsync(WorkflowDemo demo, Guid employeeId) => demo.As<UrakataDbContext, List<TakenLeave>>("admin", db =>
        db.Set<TakenLeave>().AsNoTracking().Where(t => t.EmployeeId == employeeId).OrderBy(t => t.Date).ToListAsync());

    [Fact]
    public async Task PaidLeave_IsRecordedOnTheFinalApproval_WithAbsenceAndCalendar()
    {
        var demo = await factory.DemoAsync();
        var yamada = await EmployeeAsync(demo, "山田 太郎");
        var before = await demo.As<LeaveBook, LeaveBalanceDto>("yamada", b => b.MyBalanceAsync());
        Assert.True(before.RemainingMinutes > 0);

        var filed = await FileAsync(demo, "yamada", "年次有給休暇", "2026-12-02", "2026-12-04");
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        Assert.Empty(await TakingsAsync(demo, yamada.Id));

        var approved = await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null));
        Assert.Equal(RequestStatus.Approved, approved.Status);
        var takings = await TakingsAsync(demo, yamada.Id);
        Assert.Equal([Day("2026-12-02"), Day("2026-12-03"), Day("2026-12-04")], takings.Select(t => t.Date));
        Assert.All(takings, t => Assert.Equal(filed.Id, t.RequestId));

        // The balance counts takings up to the day asked about: on 4 December three days fewer.
        var after = await demo.As<LeaveBook, EmployeeLeave>("yamada", async b => await b.LoadAsync(await b.MyEmployeeAsync(default), default));
        Assert.Equal(before.RemainingMinutes - (3 * 8 * 60), after.Ledger.BalanceOn(Day("2026-12-04")).Remaining.Minutes);

        var calendar = await demo.As<ILeaveCalendar, IReadOnlyList<LeaveOnDate>>("admin", c => c.TakenAsync([yamada.Id], Day("2026-12-01"), Day("2026-12-31")));
        Assert.Equal(3, calendar.Count);
        Assert.All(calendar, d => Assert.Equal((LeaveType.PaidCode, true, 1m), (d.TypeCode, d.Paid, d.Days)));

        var absent = await demo.As<UrakataDbContext, List<Absence>>("admin", db => db.Set<Absence>().AsNoTracking().Where(a => a.UserId == yamada.UserId).ToListAsync());
        Assert.Contains(absent, a => a.From == Day("2026-12-02") && a.To == Day("2026-12-04") && a.Source == LeaveRequests.Kind);
    }

    [Fact]
    public async Task BadRequests_AreRefusedWhenFiled_InJapanese()
    {
        var demo = await factory.DemoAsync();
        var inoue = await EmployeeAsync(demo, "井上 美穂");

        var saturday = await RefusedAsync(demo, "inoue", "年次有給休暇", "2026-12-05", "2026-12-05");
        Assert.Equal(["from"], saturday.Errors.Keys);
        Assert.Contains("2026/12/05", saturday.Message);
        // 成人の日 2027 (second Monday of January) as the last date.
        var holiday = await RefusedAsync(demo, "inoue", "特別休暇", "2027-01-08", "2027-01-11");
        Assert.Equal(["to"], holiday.Errors.Keys);
        Assert.Contains("2027/01/11", holiday.Message);

        var tooMuch = await RefusedAsync(demo, "inoue", "年次有給休暇", "2026-12-01", "2027-02-26");
        Assert.Equal(["to"], tooMuch.Errors.Keys);
        Assert.Contains("残り", tooMuch.Message);
        Assert.Contains("申請", tooMuch.Message);

        Assert.Equal(["unit"], (await RefusedAsync(demo, "inoue", "年次有給休暇", "2026-12-01", "2026-12-02", LeaveRequests.Morning)).Errors.Keys);
        Assert.Contains("労使協定", (await RefusedAsync(demo, "inoue", "年次有給休暇", "2026-12-01", "2026-12-01", LeaveRequests.ByHours, 2)).Message);
        Assert.Equal(["leave_type"], (await RefusedAsync(demo, "inoue", "存在しない休暇", "2026-12-01", "2026-12-01")).Errors.Keys);

        Assert.Empty(await TakingsAsync(demo, inoue.Id));
    }

    [Fact]
    public async Task OverlapWithAPendingRequest_IsRefused_AndARejectedRequestRecordsNothing()
    {
        var demo = await factory.DemoAsync();
        var matsumoto = await EmployeeAsync(demo, "松本 さくら");
        var pending = await FileAsync(demo, "matsumoto", "年次有給休暇", "2026-12-07", "2026-12-08");

        var clash = await RefusedAsync(demo, "matsumoto", "慶弔休暇", "2026-12-08", "2026-12-08");
        Assert.Contains(pending.Number!, clash.Message);

        await demo.Requests("nakamura", s => s.RejectAsync(pending.Id, null, "繁忙期のため"));
        Assert.Empty(await TakingsAsync(demo, matsumoto.Id));

        // The rejected request no longer holds the date: an unpaid kind goes through, as a half day.
        var again = await FileAsync(demo, "matsumoto", "慶弔休暇", "2026-12-08", "2026-12-08", LeaveRequests.Afternoon);
        await demo.Requests("nakamura", s => s.ApproveAsync(again.Id, null, null));
        await demo.Requests("yamamoto", s => s.ApproveAsync(again.Id, null, null));
        var taken = Assert.Single(await TakingsAsync(demo, matsumoto.Id));
        Assert.Equal((Day("2026-12-08"), LeaveUnit.HalfDay), (taken.Date, taken.Unit));

        // A day already taken: a full day on top of the half is refused.
        Assert.Contains("2026/12/08", (await RefusedAsync(demo, "matsumoto", "年次有給休暇", "2026-12-08", "2026-12-08")).Message);
    }

    [Fact]
    public async Task BalanceOfAnotherEmployee_AnswersNotFound_WithoutTheLeaveRight()
    {
        var demo = await factory.DemoAsync();
        var inoue = await EmployeeAsync(demo, "井上 美穂");
        await Assert.ThrowsAsync<NotFoundException>(() => demo.As<LeaveBook, LeaveBalanceDto>("yamada", b => b.BalanceAsync(inoue.Id)));
        var seen = await demo.As<LeaveBook, LeaveBalanceDto>("suzuki", b => b.BalanceAsync(inoue.Id));
        Assert.Equal(inoue.Number, seen.Number);
        Assert.Equal(2, seen.Grants.Count);
    }
}
