using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using Urakata.Workflow.Requests;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.People;

/// <summary>
/// 打刻修正申請 through the approval engine on the demo company: judged by the rules of a clock when filed, applied to the
/// 勤務表 only on the final approval, and shown there with the times before and after, the request and the approver.
/// </summary>
[Trait("Category", "Database")]
public sealed class AttendanceCorrectionTests(AttendanceFactory factory) : IClassFixture<AttendanceFactory>
{
    internal static DateTimeOffset Jst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    internal static Task<Employee> EmployeeAsync(WorkflowDemo demo, string name) => demo.As<UrakataDbContext, Employee>("admin", async db =>
        await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == name));

    /// <summary>A kiosk clock for the employee (the administrator holds the kiosk right).</summary>
    internal static Task<ClockStatusDto> ClockAsync(WorkflowDemo demo, Employee employee, ClockKind kind, DateTimeOffset at) =>
        demo.As<AttendanceBook, ClockStatusDto>("admin", b => b.ClockKioskAsync(new KioskClock(employee.Number, kind, at)));

    internal static Task<ApprovalRequest> FileAsync(WorkflowDemo demo, string userName, string date, string clockIn, string clockOut,
        bool nextDay = false, string? breakStart = null, string? breakEnd = null, string reason = "打刻忘れ") =>
        demo.Requests(userName, s => s.SubmitNewAsync(new RequestInput(AttendanceCorrections.Kind, "打刻修正 " + date, Values(
            ("work_date", date), ("clock_in", clockIn), ("clock_out", clockOut), ("next_day", nextDay), ("break_start", breakStart),
            ("break_end", breakEnd), ("reason", reason)))));

    internal static Task<TimesheetDto> SheetAsync(WorkflowDemo demo, string userName, string month) =>
        demo.As<AttendanceBook, TimesheetDto>(userName, b => b.MyTimesheetAsync(month));

    [Fact]
    public async Task Correction_ReplacesTheDayOnTheFinalApproval_AndTheTimesheetShowsBeforeAfterAndApprover()
    {
        var demo = await SeedAsync(factory);
        var yamada = await EmployeeAsync(demo, "山田 太郎");
        // Thu 5 Nov: clocked in at 09:00, never out.
        await ClockAsync(demo, yamada, ClockKind.In, Jst(11, 5, 9));

        var filed = await FileAsync(demo, "yamada", "2026-11-05", "9:00", "１８：３０", breakStart: "12:00", breakEnd: "13:00", reason: "退勤の打刻を忘れました");
        Assert.StartsWith("AT-", filed.Number, StringComparison.Ordinal);

        // 所属長 (中村) approves: one step left, the 勤務表 is unchanged.
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        var before = (await SheetAsync(demo, "yamada", "2026-11")).Days.Single(d => d.Date == new DateOnly(2026, 11, 5));
        Assert.Equal(AttendanceWarningKind.MissingClockOut, before.Warnings.Single().Kind);
        Assert.Null(before.Correction);

        // 部門長 (山本) approves: the day is 09:00–18:30 with an hour's break — 8.5 h, of which 30 min beyond 8 h (32条).
        var approved = await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null));
        Assert.Equal(RequestStatus.Approved, approved.Status);
        var day = (await SheetAsync(demo, "yamada", "2026-11")).Days.Single(d => d.Date == new DateOnly(2026, 11, 5));
        Assert.Empty(day.Warnings);
        Assert.Equal((Jst(11, 5, 9), (DateTimeOffset?)Jst(11, 5, 18, 30)), (day.Work.Single().Start, day.Work.Single().End));
        Assert.Equal((Jst(11, 5, 12), (DateTimeOffset?)Jst(11, 5, 13)), (day.Breaks.Single().Start, day.Breaks.Single().End));
        Assert.Equal((510, 480, 30), (day.WorkedMinutes, day.WithinScheduledMinutes, day.StatutoryOvertimeMinutes));
        var c = day.Correction!;
        Assert.Equal((filed.Number, filed.Id, "山本 大輔", "退勤の打刻を忘れました"), (c.RequestNumber, c.RequestId, c.ApprovedByName, c.Reason));
        Assert.Equal([(Jst(11, 5, 9), (DateTimeOffset?)null)], c.OriginalWork.Select(w => (w.Start, w.End)));
        Assert.Empty(c.OriginalBreaks);
        Assert.Equal([(Jst(11, 5, 9), (DateTimeOffset?)Jst(11, 5, 18, 30))], c.CorrectedWork.Select(w => (w.Start, w.End)));
        Assert.Single(c.CorrectedBreaks);

        var stored = await demo.As<UrakataDbContext, AttendanceCorrection>("admin", db => db.Set<AttendanceCorrection>().AsNoTracking().SingleAsync(x => x.RequestId == filed.Id));
        Assert.Equal((yamada.Id, new DateOnly(2026, 11, 5), await demo.UserAsync("yamamoto")), (stored.EmployeeId, stored.Date, stored.ApprovedBy));

        // The 勤務表 page shows the request, the times before and after, and the approver.
        var browser = factory.CreateBrowserClient();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(browser, "yamada", UrakataFactory.Password)).StatusCode);
        var page = await browser.GetStringAsync("/people/attendance?month=2026-11");
        Assert.Contains(filed.Number!, page, StringComparison.Ordinal);
        Assert.Contains("修正前 09:00〜--:-- → 修正後 09:00〜18:30 (12:00〜13:00)", page, StringComparison.Ordinal);
        Assert.Contains("山本 大輔", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_WithMoreBreaks_CountsEveryBreak_AndABadRowIsRefusedUnderItsCell()
    {
        var demo = await SeedAsync(factory);
        JsonArray Rows(params (string Start, string End)[] rows) =>
            [.. rows.Select(r => (JsonNode)new JsonObject { ["start"] = r.Start, ["end"] = r.End })];
        Task<ApprovalRequest> File(string date, JsonArray more) =>
            demo.Requests("inoue", s => s.SubmitNewAsync(new RequestInput(AttendanceCorrections.Kind, "打刻修正 " + date, Values(
                ("work_date", date), ("clock_in", "9:00"), ("clock_out", "21:00"), ("break_start", "12:00"), ("break_end", "13:00"),
                ("more_breaks", more), ("reason", "休憩の打刻漏れ")))));

        // Tue 10 Nov 09:00–21:00 with breaks 12:00–13:00 and 18:00–18:30: 12 h − 1.5 h = 10.5 h worked, 2.5 h beyond 8 h (32条).
        var filed = await File("2026-11-10", Rows(("18:00", "18:30")));
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null));
        var day = (await SheetAsync(demo, "inoue", "2026-11")).Days.Single(d => d.Date == new DateOnly(2026, 11, 10));
        Assert.Equal([(Jst(11, 10, 12), (DateTimeOffset?)Jst(11, 10, 13)), (Jst(11, 10, 18), Jst(11, 10, 18, 30))], day.Breaks.Select(b => (b.Start, b.End)));
        Assert.Equal((630, 90, 150), (day.WorkedMinutes, day.BreakMinutes, day.StatutoryOvertimeMinutes));

        // A row with its end before its start, or half empty, is refused under that row's cell; nothing is filed.
        var backwards = await Assert.ThrowsAsync<ValidationException>(() => File("2026-11-11", Rows(("18:00", "18:30"), ("19:30", "19:00"))));
        Assert.Equal(["more_breaks[2].end"], backwards.Errors.Keys);
        var halfEmpty = await Assert.ThrowsAsync<ValidationException>(() => File("2026-11-11", Rows(("18:00", ""))));
        Assert.Equal(["more_breaks[1].end"], halfEmpty.Errors.Keys);
        Assert.Empty((await SheetAsync(demo, "inoue", "2026-11")).Days.Single(d => d.Date == new DateOnly(2026, 11, 11)).Breaks);
    }

    [Fact]
    public async Task NightShift_EndsNextDay_AndBadInputIsRefusedWhenFiled_UnderItsField()
    {
        var demo = await SeedAsync(factory);
        // Fri 6 Nov 22:00 → Sat 06:00 with a break 02:00–03:00: 7 h worked, 6 h of it 深夜 (22:00–05:00 less the break; 37条4項).
        var filed = await FileAsync(demo, "inoue", "2026-11-06", "22:00", "6:00", nextDay: true, breakStart: "2:00", breakEnd: "3:00");
        await demo.Requests("nakamura", s => s.ApproveAsync(filed.Id, null, null));
        await demo.Requests("yamamoto", s => s.ApproveAsync(filed.Id, null, null));
        var day = (await SheetAsync(demo, "inoue", "2026-11")).Days.Single(d => d.Date == new DateOnly(2026, 11, 6));
        Assert.Equal((420, 360, Jst(11, 7, 6)), (day.WorkedMinutes, day.NightMinutes, day.Work.Single().End!.Value));

        async Task<IEnumerable<string>> RefusedAsync(string clockIn, string clockOut, bool nextDay = false, string? breakStart = null, string? breakEnd = null) =>
            (await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "inoue", "2026-11-09", clockIn, clockOut, nextDay, breakStart, breakEnd))).Errors.Keys;
        Assert.Equal(["clock_out"], await RefusedAsync("18:00", "9:00"));
        Assert.Equal(["clock_in"], await RefusedAsync("25:00", "9:00"));
        Assert.Equal(["break_start"], await RefusedAsync("9:00", "18:00", breakStart: "19:00", breakEnd: "20:00"));
        Assert.Equal(["break_end"], await RefusedAsync("9:00", "18:00", breakStart: "12:00"));
        Assert.Equal(["break_end"], await RefusedAsync("9:00", "18:00", breakStart: "13:00", breakEnd: "12:00"));
        // Longer than 24 hours: 06:00 to 07:00 the next day.
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "inoue", "2026-11-09", "6:00", "7:00", nextDay: true));
        Assert.Contains("clock_out", tooLong.Errors.Keys);
        var reasonMissing = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "inoue", "2026-11-09", "9:00", "18:00", reason: ""));
        Assert.Equal(["reason"], reasonMissing.Errors.Keys);

        // Nothing was recorded for the refused date.
        Assert.Empty((await SheetAsync(demo, "inoue", "2026-11")).Days.Single(d => d.Date == new DateOnly(2026, 11, 9)).Work);
    }
}
