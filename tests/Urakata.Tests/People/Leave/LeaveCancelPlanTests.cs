using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave;
using Urakata.People.Leave.Cancel;
using Urakata.People.Leave.Planned;
using Urakata.People.Leave.Records;
using Urakata.People.Leave.Register;
using Urakata.People.Leave.Requests;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Tests.Workflow;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Requests;
using static Urakata.Tests.People.Leave.LeaveRequestTests;
using static Urakata.Tests.People.PeopleTestData;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.People.Leave;

/// <summary>
/// The demo company (clock: Tue 2026-11-24): the 休暇申請 type select follows the company's active types, a half day keeps
/// 午前 / 午後, and approved leave is cancelled by a 休暇取消申請 (balance back, calendar and absence gone, audited) or by HR
/// with a reason — refused for a past day or a closed month with nothing changed.
/// </summary>
[Trait("Category", "Database")]
public sealed class LeaveCancelPlanTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    private static Task<int> AvailableAsync(WorkflowDemo demo, string user) => demo.As<LeaveBook, int>(user, async b => (await b.MyBalanceAsync()).RemainingMinutes);

    [Fact]
    public async Task TypeSelect_OffersTheActiveTypes_AndARetiredTypeIsRefused()
    {
        var demo = await factory.DemoAsync();
        await demo.As<LeaveBook, LeaveTypeDto>("suzuki", b => b.AddTypeAsync(new LeaveTypeInput("refresh", "リフレッシュ休暇", "Refresh leave", true)));
        var bereavement = (await demo.As<LeaveBook, List<LeaveTypeDto>>("suzuki", b => b.TypeDtosAsync())).Single(t => t.Code == "bereavement");
        await demo.As<LeaveBook, LeaveTypeDto>("suzuki", b => b.UpdateTypeAsync(bereavement.Id, new LeaveTypeInput(null, "慶弔休暇", null, true, Active: false)));

        var kind = await demo.As<RequestKinds, KindInfo>("yamada", k => k.FindAsync(LeaveRequests.Kind));
        Assert.Equal(2, kind.CurrentFormVersion);
        Assert.Equal(["年次有給休暇", "特別休暇", "介護休暇", "子の看護等休暇", "無給休暇", "リフレッシュ休暇"], kind.CurrentForm.Field("leave_type")!.Options);

        var yamada = await EmployeeAsync(demo, "山田 太郎");
        var before = (await TakingsAsync(demo, yamada.Id)).Count;
        var retired = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "yamada", "慶弔休暇", "2026-12-07", "2026-12-07"));
        Assert.Equal(["leave_type"], retired.Errors.Keys);
        Assert.Contains("選択肢", retired.Errors["leave_type"][0], StringComparison.Ordinal);

        await ApprovedAsync(demo, "yamada", "リフレッシュ休暇", "2026-12-07", "2026-12-07");
        var takings = await TakingsAsync(demo, yamada.Id);
        Assert.Equal(before + 1, takings.Count);
        var types = await demo.As<LeaveBook, List<LeaveTypeDto>>("suzuki", b => b.TypeDtosAsync());
        Assert.Equal("refresh", types.Single(t => t.Id == takings.Single(t => t.Date == Day("2026-12-07")).LeaveTypeId).Code);
    }

    [Fact]
    public async Task HalfDay_KeepsMorningOrAfternoon_OnTheTakingCalendarAndRegister()
    {
        var demo = await factory.DemoAsync();
        var yamada = await EmployeeAsync(demo, "山田 太郎");
        await ApprovedAsync(demo, "yamada", "年次有給休暇", "2026-12-09", "2026-12-09", LeaveRequests.Morning);

        // The same half twice on one date is refused; the other half is not.
        var twice = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "yamada", "年次有給休暇", "2026-12-09", "2026-12-09", LeaveRequests.Morning));
        Assert.Contains("2026/12/09", twice.Errors["from"][0], StringComparison.Ordinal);
        await ApprovedAsync(demo, "yamada", "特別休暇", "2026-12-09", "2026-12-09", LeaveRequests.Afternoon);

        var halves = (await TakingsAsync(demo, yamada.Id)).Where(t => t.Date == Day("2026-12-09")).Select(t => (t.Unit, t.Half)).ToList();
        Assert.Equal([(LeaveUnit.HalfDay, DayHalf.Morning), (LeaveUnit.HalfDay, DayHalf.Afternoon)], halves.OrderBy(h => h.Half));
        var calendar = await demo.As<ILeaveCalendar, IReadOnlyList<LeaveOnDate>>("admin", c => c.TakenAsync([yamada.Id], Day("2026-12-09"), Day("2026-12-09")));
        Assert.Equal([(0.5m, DayHalf.Morning), (0.5m, DayHalf.Afternoon)], calendar.Select(d => (d.Days, d.Half)).OrderBy(h => h.Half));
        var mine = await demo.As<LeaveBook, LeaveBalanceDto>("yamada", b => b.MyBalanceAsync());
        Assert.Contains(mine.Takings, t => t.Date == Day("2026-12-09") && t.Half == DayHalf.Afternoon && t.TypeCode == "special");

        // 管理簿 (paid leave only): 取得日 2026/12/09, 日数 0.5, noted 午前.
        var register = await demo.As<LeaveRegister, LeaveRegisterDto>("suzuki", r => r.ForAsync(yamada.Id));
        var row = Assert.Single(register.Entries, e => e.Date == Day("2026-12-09"));
        Assert.Equal((RegisterEntryKind.Taken, 0.5m, "午前"), (row.Kind, row.TakenDays, row.Note));
    }

    [Fact]
    public async Task CancellationRequest_Approved_GivesTheDaysBack_AndRemovesCalendarAndAbsence()
    {
        var demo = await factory.DemoAsync();
        var inoue = await EmployeeAsync(demo, "井上 美穂");
        var before = await AvailableAsync(demo, "inoue");
        var leave = await ApprovedAsync(demo, "inoue", "年次有給休暇", "2026-12-14", "2026-12-16");
        Assert.Equal(before - (3 * 480), await AvailableAsync(demo, "inoue"));

        var cancel = await demo.As<LeaveCancelling, ApprovalRequest>("inoue", c => c.RequestAsync(leave.Id, new CancelLeaveInput("予定が変わったため")));
        Assert.Equal((LeaveCancellations.Kind, RequestStatus.InProgress), (cancel.KindCode, cancel.Status));
        // A second cancellation of the same leave while the first waits is refused.
        var again = await Assert.ThrowsAsync<ValidationException>(() => demo.As<LeaveCancelling, ApprovalRequest>("inoue", c => c.RequestAsync(leave.Id, new CancelLeaveInput("念のため"))));
        Assert.Contains(cancel.Number!, again.Errors[LeaveCancellations.Fields.Request][0], StringComparison.Ordinal);
        Assert.Equal(before - (3 * 480), await AvailableAsync(demo, "inoue")); // nothing moves before the approval

        await demo.Requests("nakamura", s => s.ApproveAsync(cancel.Id, null, null));
        var approved = await demo.Requests("yamamoto", s => s.ApproveAsync(cancel.Id, null, null));
        Assert.Equal(RequestStatus.Approved, approved.Status);

        Assert.Equal(before, await AvailableAsync(demo, "inoue"));
        var takings = (await TakingsAsync(demo, inoue.Id)).Where(t => t.RequestId == leave.Id).ToList();
        Assert.Equal(3, takings.Count);
        Assert.All(takings, t => Assert.True(t.IsCancelled && t.CancelReason!.Contains(cancel.Number!, StringComparison.Ordinal) && t.CancelReason.Contains("予定が変わったため", StringComparison.Ordinal)));
        Assert.Empty(await demo.As<ILeaveCalendar, IReadOnlyList<LeaveOnDate>>("admin", c => c.TakenAsync([inoue.Id], Day("2026-12-14"), Day("2026-12-16"))));
        Assert.Empty(await demo.As<UrakataDbContext, List<Absence>>("admin", db => db.Set<Absence>().AsNoTracking()
            .Where(a => a.UserId == inoue.UserId && a.From == Day("2026-12-14")).ToListAsync()));
        var audit = await demo.As<UrakataDbContext, List<AuditEvent>>("admin", db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(TakenLeave) && e.EntityId == takings[0].Id.ToString()).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(e => e.Action));
        Assert.Contains("予定が変わったため", audit[1].Changes, StringComparison.Ordinal);

        // The dates are free again: the same days can be asked for anew.
        await FileAsync(demo, "inoue", "年次有給休暇", "2026-12-14", "2026-12-14");
    }

    [Fact]
    public async Task CancellingAPastDay_IsRefused_WithNothingFiled()
    {
        var demo = await factory.DemoAsync();
        var leave = await ApprovedAsync(demo, "matsumoto", "年次有給休暇", "2026-11-20", "2026-11-20");
        var count = await demo.As<UrakataDbContext, int>("admin", db => db.Set<ApprovalRequest>().CountAsync(r => r.KindCode == LeaveCancellations.Kind));

        var past = await Assert.ThrowsAsync<ValidationException>(() => demo.As<LeaveCancelling, ApprovalRequest>("matsumoto", c => c.RequestAsync(leave.Id, new CancelLeaveInput("取り消したい"))));
        Assert.Equal("2026/11/20はすでに過ぎた日のため、この休暇は取り消せません。人事担当者に相談してください。", past.Errors[LeaveCancellations.Fields.Request][0]);
        // Someone else's request, or a number that is not an approved leave of the applicant's, is refused too.
        await Assert.ThrowsAsync<NotFoundException>(() => demo.As<LeaveCancelling, ApprovalRequest>("inoue", c => c.RequestAsync(leave.Id, new CancelLeaveInput("x"))));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => demo.Requests("inoue", s => s.SubmitNewAsync(new RequestInput(LeaveCancellations.Kind, "取消",
            Values((LeaveCancellations.Fields.Request, leave.Number), (LeaveCancellations.Fields.Reason, "x"))))));
        Assert.Contains(leave.Number!, unknown.Errors[LeaveCancellations.Fields.Request][0], StringComparison.Ordinal);

        Assert.Equal(count, await demo.As<UrakataDbContext, int>("admin", db => db.Set<ApprovalRequest>().CountAsync(r => r.KindCode == LeaveCancellations.Kind)));
        var matsumoto = await EmployeeAsync(demo, "松本 さくら");
        Assert.All(await TakingsAsync(demo, matsumoto.Id), t => Assert.False(t.IsCancelled));
    }

    [Fact]
    public async Task HrCancelsADay_WithAReason_ButNotInAClosedMonth()
    {
        var demo = await factory.DemoAsync();
        var hayashi = await EmployeeAsync(demo, "林 優子");
        var (october, december) = await demo.As<UrakataDbContext, (Guid, Guid)>("admin", async db =>
        {
            var paid = await db.Set<LeaveType>().SingleAsync(t => t.Code == LeaveType.PaidCode);
            var takings = new[]
            {
                new TakenLeave(hayashi.Id, Day("2026-10-15"), paid.Id, LeaveUnit.FullDay, 0, LeaveSource.Designated, null),
                new TakenLeave(hayashi.Id, Day("2026-12-21"), paid.Id, LeaveUnit.FullDay, 0, LeaveSource.Planned, null),
            };
            db.AddRange(takings);
            await db.SaveChangesAsync();
            return (takings[0].Id, takings[1].Id);
        });
        await demo.As<AttendanceMonthClose, AttendanceCloseDto>("yoshida", c => c.CloseAsync(new CloseMonthBody(null, "2026-10")));
        var before = await AvailableAsync(demo, "hayashi");

        var closed = await Assert.ThrowsAsync<DomainException>(() => demo.As<LeaveCancelling, TakingDto>("yoshida", c => c.CancelTakingAsync(october, new CancelLeaveInput("出勤したため"))));
        Assert.Equal("2026-10の勤怠は締め済みのため、2026/10/15の休暇は取り消せません。締め解除を人事担当者に依頼してください。", closed.Message);
        var noReason = await Assert.ThrowsAsync<DomainException>(() => demo.As<LeaveCancelling, TakingDto>("yoshida", c => c.CancelTakingAsync(december, new CancelLeaveInput(" "))));
        Assert.Equal("reason", noReason.Field);
        // The employee herself cannot use HR's way, and another department's 課長 has no leave right: 404.
        await Assert.ThrowsAsync<NotFoundException>(() => demo.As<LeaveCancelling, TakingDto>("hayashi", c => c.CancelTakingAsync(december, new CancelLeaveInput("x"))));
        Assert.All(await TakingsAsync(demo, hayashi.Id), t => Assert.False(t.IsCancelled));
        Assert.Equal(before, await AvailableAsync(demo, "hayashi"));

        var cancelled = await demo.As<LeaveCancelling, TakingDto>("yoshida", c => c.CancelTakingAsync(december, new CancelLeaveInput("計画的付与日を変更")));
        Assert.Equal((Day("2026-12-21"), LeaveSource.Planned), (cancelled.Date, cancelled.Source));
        Assert.Equal(before + 480, await AvailableAsync(demo, "hayashi"));
        var row = (await TakingsAsync(demo, hayashi.Id)).Single(t => t.Id == december);
        Assert.Equal((true, "計画的付与日を変更", await demo.UserAsync("yoshida")), (row.IsCancelled, row.CancelReason, row.CancelledBy!.Value));
        var again = await Assert.ThrowsAsync<DomainException>(() => demo.As<LeaveCancelling, TakingDto>("yoshida", c => c.CancelTakingAsync(december, new CancelLeaveInput("再度"))));
        Assert.Contains("2026/12/21", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlannedLeave_ForADepartment_ReachesEveryoneInIt()
    {
        var demo = await factory.DemoAsync();
        var sales2 = await demo.DepartmentAsync("212"); // 営業二課: 木村, 林, 清水
        var members = await demo.As<UrakataDbContext, List<Guid>>("admin", db => db.Set<Employee>().Where(e => e.DepartmentId == sales2).Select(e => e.Id).ToListAsync());
        Assert.Equal(3, members.Count);

        // Mon 28 Dec 2026: a 計画的付与 day for the whole section.
        var result = await demo.As<PlannedLeave, PlannedLeaveResult>("yoshida", p => p.RecordAsync(new PlannedLeaveInput(null, sales2, [Day("2026-12-28")], LeaveSource.Planned)));
        Assert.Equal((3, 3), (result.Employees, result.Days));
        var takings = await demo.As<UrakataDbContext, List<TakenLeave>>("admin", db => db.Set<TakenLeave>().AsNoTracking().Where(t => t.Date == Day("2026-12-28")).ToListAsync());
        Assert.Equal(members.Order(), takings.Select(t => t.EmployeeId).Order());
        Assert.All(takings, t => Assert.Equal((LeaveSource.Planned, LeaveUnit.FullDay, (Guid?)null), (t.Source, t.Unit, t.RequestId)));

        // Without people.leave.manage (課長 木村 is in the section himself, so his own record is in his scope): refused.
        await Assert.ThrowsAsync<Urakata.Platform.Security.ForbiddenException>(() => demo.As<PlannedLeave, PlannedLeaveResult>("kimura", p => p.RecordAsync(new PlannedLeaveInput(null, sales2, [Day("2026-12-29")], LeaveSource.Planned))));
        Assert.Equal(3, await demo.As<UrakataDbContext, int>("admin", db => db.Set<TakenLeave>().CountAsync(t => t.Date >= Day("2026-12-28") && t.Date <= Day("2026-12-29"))));
    }
}
