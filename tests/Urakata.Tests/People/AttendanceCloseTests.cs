using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People;
using Urakata.People.Attendance;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using static Urakata.Tests.People.AttendanceCorrectionTests;

namespace Urakata.Tests.People;

/// <summary>The attendance factory with a leave calendar the tests fill (the leave module is not there yet).</summary>
public sealed class CloseFactory : UrakataFactory
{
    public FakeLeaveCalendar Leave { get; } = new();

    protected override bool UseFakeClock => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<ILeaveCalendar>(Leave));
    }
}

public sealed class FakeLeaveCalendar : ILeaveCalendar
{
    public List<LeaveOnDate> Taken { get; } = [];

    public Task<IReadOnlyList<LeaveOnDate>> TakenAsync(IReadOnlyCollection<Guid> employeeIds, DateOnly from, DateOnly toInclusive, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<LeaveOnDate>>([.. Taken.Where(l => employeeIds.Contains(l.EmployeeId) && l.Date >= from && l.Date <= toInclusive)]);
}

/// <summary>
/// 勤怠締め by department on the demo company: refused while a clock-out is missing or a correction waits, totals with
/// hand-computed figures (October 2026: 21 work days — 31 days, 9 weekend days, スポーツの日 on the 12th), the month locked
/// against clocks and corrections, the reopening with its reason in the audit trail, and the data scope.
/// </summary>
[Trait("Category", "Database")]
public sealed class AttendanceCloseTests(CloseFactory factory) : IClassFixture<CloseFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task GrantCloseAsync(WorkflowDemo demo, string userName, DataScope scope)
    {
        var userId = await demo.UserAsync(userName);
        await factory.InCompanyAsync(demo.CompanyId, await demo.UserAsync("admin"), async sp =>
        {
            var role = await sp.GetRequiredService<RoleAdmin>().SaveAsync(null, new SaveRole("勤怠締め " + userName, null,
                [new RoleGrantDto(PeoplePermissions.AttendanceClose, scope)]));
            var users = sp.GetRequiredService<UserAdmin>();
            var member = await users.MemberAsync(userId);
            return await users.UpdateAsync(userId, new UpdateMember(member.DisplayName, null, null, null, true, [.. member.RoleIds, role.Id], member.Version));
        });
    }

    private static async Task ApproveAsync(WorkflowDemo demo, Guid requestId)
    {
        await demo.Requests("kimura", s => s.ApproveAsync(requestId, null, null));
        await demo.Requests("yamamoto", s => s.ApproveAsync(requestId, null, null));
    }

    [Fact]
    public async Task DepartmentClose_RefusedWhileClocksOrCorrectionsAreOpen_ThenTotalsLockTheMonth_UntilReopenedWithAReason()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        await GrantCloseAsync(demo, "kimura", DataScope.Department); // 営業二課長: 212 only
        var (hayashi, shimizu) = (await EmployeeAsync(demo, "林 優子"), await EmployeeAsync(demo, "清水 拓也"));
        var sales2 = await demo.DepartmentAsync("212");
        factory.Leave.Taken.AddRange(
        [
            new(hayashi.Id, new DateOnly(2026, 10, 7), "paid", "年次有給休暇", true, 1m, 0),
            new(hayashi.Id, new DateOnly(2026, 10, 8), "paid", "年次有給休暇", true, 0.5m, 0),
            new(hayashi.Id, new DateOnly(2026, 10, 9), "paid", "年次有給休暇", true, 0m, 2),
            new(hayashi.Id, new DateOnly(2026, 10, 13), "unpaid", "無給休暇", false, 1m, 0),
        ]);
        // Tue 6 Oct: 09:00–20:00 with an hour's break — 10 h, 2 h beyond 8 h (32条).
        await ClockAsync(demo, hayashi, ClockKind.In, Jst(10, 6, 9));
        await ClockAsync(demo, hayashi, ClockKind.BreakStart, Jst(10, 6, 12));
        await ClockAsync(demo, hayashi, ClockKind.BreakEnd, Jst(10, 6, 13));
        await ClockAsync(demo, hayashi, ClockKind.Out, Jst(10, 6, 20));
        // Mon 5 Oct: 清水 clocked in and forgot to clock out; a correction for Fri 2 Oct waits for approval.
        await ClockAsync(demo, shimizu, ClockKind.In, Jst(10, 5, 9));
        var waiting = await FileAsync(demo, "shimizu", "2026-10-02", "9:00", "18:00", breakStart: "12:00", breakEnd: "13:00");

        Task<AttendanceCloseDto> CloseAsync(string userName, Guid? department) =>
            demo.As<AttendanceMonthClose, AttendanceCloseDto>(userName, c => c.CloseAsync(new CloseMonthBody(department, "2026-10")));
        var refused = await Assert.ThrowsAsync<DomainException>(() => CloseAsync("kimura", sales2));
        Assert.Contains("清水 拓也 2026/10/05", refused.Message, StringComparison.Ordinal);
        Assert.Contains(waiting.Number + " 清水 拓也 2026/10/02", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await demo.As<UrakataDbContext, int>("admin", db => db.Set<AttendanceClose>().CountAsync(c => c.Month == new DateOnly(2026, 10, 1))));

        // Beyond the 課長's department: not found; the whole company needs a company-wide grant.
        await Assert.ThrowsAsync<NotFoundException>(() => CloseAsync("kimura", demo.DepartmentAsync("211").Result));
        await Assert.ThrowsAsync<DomainException>(() => CloseAsync("kimura", null));

        var fix = await FileAsync(demo, "shimizu", "2026-10-05", "9:00", "18:00", breakStart: "12:00", breakEnd: "13:00");
        await ApproveAsync(demo, waiting.Id);
        await ApproveAsync(demo, fix.Id);
        var closed = await CloseAsync("kimura", sales2);
        Assert.Equal((3, "木村 誠", "2026-10"), (closed.Employees, closed.ClosedByName, closed.Month));
        await Assert.ThrowsAsync<ConflictException>(() => CloseAsync("kimura", sales2));

        var totals = await demo.As<AttendanceMonthClose, List<MonthTotalsDto>>("yoshida", c => c.TotalsAsync(sales2, "2026-10"));
        Assert.Equal(["木村 誠", "林 優子", "清水 拓也"], totals.Select(t => t.Name));
        var h = totals.Single(t => t.Name == "林 優子");
        // 21 work days: worked the 6th, full-day leave on the 7th and 13th; the half day (8th) and the 2 hours (9th) without work are 欠勤.
        Assert.Equal((21, 1, 18, 1.5m, 1m, 2), (h.ScheduledWorkDays, h.DaysWorked, h.AbsenceDays, h.PaidLeaveDays, h.UnpaidLeaveDays, h.LeaveHours));
        Assert.Equal((600, 480, 0, 120, 0), (h.WorkedMinutes, h.WithinScheduledMinutes, h.NonStatutoryOvertimeMinutes, h.StatutoryOvertimeMinutes, h.NightMinutes));
        // 清水 is part-time (6 h a day): each corrected 8-hour day is 6 h 所定内 and 2 h 法定内残業.
        var s = totals.Single(t => t.Name == "清水 拓也");
        Assert.Equal((2, 19, 960, 720, 240, 0), (s.DaysWorked, s.AbsenceDays, s.WorkedMinutes, s.WithinScheduledMinutes, s.NonStatutoryOvertimeMinutes, s.StatutoryOvertimeMinutes));
        Assert.Equal((0, 21), (totals.Single(t => t.Name == "木村 誠").DaysWorked, totals.Single(t => t.Name == "木村 誠").AbsenceDays));
        Assert.True((await SheetAsync(demo, "hayashi", "2026-10")).Closed);
        Assert.Equal(closed.Id, (await demo.As<AttendanceMonthClose, AttendanceCloseDto?>("yoshida", c => c.StateAsync(sales2, "2026-10")))!.Id);

        // Locked: no clock and no correction for a date of the month.
        Assert.Contains("2026-10", (await Assert.ThrowsAsync<DomainException>(() => ClockAsync(demo, hayashi, ClockKind.In, Jst(10, 14, 9)))).Message, StringComparison.Ordinal);
        var late = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "hayashi", "2026-10-14", "9:00", "18:00"));
        Assert.Equal(["work_date"], late.Errors.Keys);

        // Reopening needs a reason; then the totals are gone and the month takes clocks again.
        Task<AttendanceCloseDto> ReopenAsync(string? reason) =>
            demo.As<AttendanceMonthClose, AttendanceCloseDto>("kimura", c => c.ReopenAsync(closed.Id, new ReopenCloseBody(reason)));
        Assert.Equal("reason", (await Assert.ThrowsAsync<DomainException>(() => ReopenAsync(" "))).Field);
        await ReopenAsync("10月14日の打刻漏れを直すため");
        await Assert.ThrowsAsync<ConflictException>(() => ReopenAsync("もう一度"));
        Assert.Empty(await demo.As<AttendanceMonthClose, List<MonthTotalsDto>>("yoshida", c => c.TotalsAsync(sales2, "2026-10")));
        Assert.Null(await demo.As<AttendanceMonthClose, AttendanceCloseDto?>("yoshida", c => c.StateAsync(sales2, "2026-10")));
        await ClockAsync(demo, hayashi, ClockKind.In, Jst(10, 14, 9));
        var audit = await demo.As<UrakataDbContext, List<AuditEvent>>("admin", db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(AttendanceClose) && e.EntityId == closed.Id.ToString()).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(e => e.Action));
        Assert.Contains("10月14日の打刻漏れを直すため", audit[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMonthClosedWhileACorrectionWaits_FailsItsApproval_WithNothingChanged()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var hayashi = await EmployeeAsync(demo, "林 優子");
        var filed = await FileAsync(demo, "hayashi", "2026-08-03", "9:00", "18:00", breakStart: "12:00", breakEnd: "13:00");
        await demo.Requests("kimura", s => s.ApproveAsync(filed.Id, null, null));
        // The close refuses while a correction waits; here the month is locked behind its back (as a race would).
        await demo.As<UrakataDbContext, int>("admin", async db =>
        {
            var close = new AttendanceClose(null, new DateOnly(2026, 8, 1), await demo.UserAsync("admin"), factory.Clock.GetUtcNow().UtcDateTime);
            db.Add(close);
            db.Add(AttendanceMonthTotals.From(close.Id, new TimesheetDto(hayashi.Id, hayashi.Number, hayashi.Name, "2026-08", 480,
                [new TimesheetDayDto(new DateOnly(2026, 8, 1), DayKind.ScheduledRestDay, [], [], 0, 0, 0, 0, 0, 0, 0, 0, [])],
                new MonthlyHours(0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0, false), hayashi.HireDate, null, []));
            return await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<ValidationException>(() => demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null)));
        Assert.Equal(["work_date"], refused.Errors.Keys);
        Assert.Contains("2026-08", refused.Message, StringComparison.Ordinal);
        var (status, corrections, days) = await demo.As<UrakataDbContext, (Urakata.Workflow.Requests.RequestStatus, int, int)>("admin", async db => (
            (await db.Set<Urakata.Workflow.Requests.ApprovalRequest>().AsNoTracking().SingleAsync(r => r.Id == filed.Id)).Status,
            await db.Set<AttendanceCorrection>().CountAsync(c => c.RequestId == filed.Id),
            await db.Set<AttendanceDay>().CountAsync(d => d.EmployeeId == hayashi.Id && d.Date == new DateOnly(2026, 8, 3))));
        Assert.Equal((Urakata.Workflow.Requests.RequestStatus.InProgress, 0, 0), (status, corrections, days));
    }

    [Fact]
    public async Task HrClosesTheCompany_OverHttp_TotalsExport_StaffAreRefused()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));
        var staff = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamada"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/people/attendance/closes", new CloseMonthBody(null, "2026-09"), Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/attendance/totals?month=2026-09")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await hr.GetAsync("/api/v1/people/attendance/closes?month=2026-09")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsJsonAsync("/api/v1/people/attendance/closes", new CloseMonthBody(null, "2026-13"), Json)).StatusCode);

        var response = await hr.PostAsJsonAsync("/api/v1/people/attendance/closes", new CloseMonthBody(null, "2026-09"), Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var closed = (await response.Content.ReadFromJsonAsync<AttendanceCloseDto>(Json))!;
        Assert.Equal((null, 20, "吉田 真理"), (closed.DepartmentId, closed.Employees, closed.ClosedByName));
        var totals = (await hr.GetFromJsonAsync<List<MonthTotalsDto>>("/api/v1/people/attendance/totals?month=2026-09", Json))!;
        Assert.Equal(20, totals.Count);
        // September 2026: 30 days, 8 weekend days, 敬老の日 (21st), 国民の休日 (22nd), 秋分の日 (23rd) — 19 work days, nobody clocked.
        Assert.All(totals, t => Assert.Equal((19, 19), (t.ScheduledWorkDays, t.AbsenceDays)));
        var csv = Encoding.UTF8.GetString(await hr.GetByteArrayAsync("/api/v1/people/attendance/totals/export?month=2026-09&format=csv"));
        Assert.Contains("欠勤日数", csv, StringComparison.Ordinal);
        Assert.Contains("山田 太郎", csv, StringComparison.Ordinal);
        var xlsx = await hr.GetAsync("/api/v1/people/attendance/totals/export?month=2026-09&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/api/v1/people/attendance/closes?month=2026-09")).StatusCode);
    }
}
