using Urakata.People.Attendance;
using Urakata.People.Leave;
using Urakata.People.Leave.Requests;
using Urakata.Platform.Domain;
using Urakata.Tests.Workflow;
using Urakata.Workflow.Requests;
using static Urakata.Tests.People.Leave.LeaveRequestTests;
using static Urakata.Tests.People.PeopleTestData;
using static Urakata.Tests.People.WorkRulesFeatureTests;

namespace Urakata.Tests.People.Leave;

/// <summary>
/// 休暇申請 under the applicant's own 勤務形態 (demo company, clock 2026-11-24): a 変形 employee's work days and hours are
/// their シフト's, and another rule's shorter day is the day of hourly leave.
/// </summary>
[Trait("Category", "Database")]
public sealed class LeaveWorkRuleTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    /// <summary>The company's 労使協定 allows hourly leave, 5 days' worth a year (39条4項).</summary>
    private static Task<LeaveSettingsDto> AllowHourlyLeaveAsync(WorkflowDemo demo) => demo.As<LeaveBook, LeaveSettingsDto>("yoshida", async b =>
        await b.ChangeSettingsAsync(await b.SettingsDtoAsync() with { HourlyLeaveDaysPerYear = 5 }));

    [Fact]
    public async Task VariableEmployee_LeaveFollowsTheirShifts_NotTheStandardWeek()
    {
        var demo = await factory.DemoAsync();
        await AllowHourlyLeaveAsync(demo);
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("店舗シフト", new TimeOnly(9, 0), new TimeOnly(17, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.MonthlyVariable));
        var yamada = await EmployeeAsync(demo, "山田 太郎");
        await AssignAsync(demo, yamada, rule.Id);
        // December's シフト: Saturday the 5th a 5-hour work day, Wednesday the 9th off; the other dates follow the rule's week.
        await demo.As<ShiftCalendar, ShiftMonthDto>("yoshida", s => s.SetAsync(yamada.Id, new ShiftMonthInput("2026-12",
        [
            new ShiftInput(Day("2026-12-05"), ShiftKind.Work, new TimeOnly(9, 0), new TimeOnly(14, 0)),
            new ShiftInput(Day("2026-12-09"), ShiftKind.RestDay),
        ])));

        var dayOff = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "yamada", "年次有給休暇", "2026-12-09", "2026-12-09"));
        Assert.Equal(["from"], dayOff.Errors.Keys);
        Assert.Contains("2026/12/09", dayOff.Message, StringComparison.Ordinal);
        // Hours on the 5-hour シフト: at most 4 (5 would be the whole day), not the rule's 7 − 1 = 6.
        var hours = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "yamada", "年次有給休暇", "2026-12-05", "2026-12-05", LeaveRequests.ByHours, 5));
        Assert.Contains("1〜4時間", hours.Message, StringComparison.Ordinal);

        // The Saturday シフト day is accepted; a range over the 9th skips it as the day off it is.
        Assert.Equal(RequestStatus.Approved, (await ApprovedAsync(demo, "yamada", "年次有給休暇", "2026-12-05", "2026-12-05")).Status);
        Assert.Equal(RequestStatus.Approved, (await ApprovedAsync(demo, "yamada", "年次有給休暇", "2026-12-08", "2026-12-10")).Status);

        Assert.Equal([Day("2026-12-05"), Day("2026-12-08"), Day("2026-12-10")], (await TakingsAsync(demo, yamada.Id)).Select(t => t.Date));
    }

    [Fact]
    public async Task ShorterDayRule_IsTheDayOfHourlyLeave()
    {
        var demo = await factory.DemoAsync();
        await AllowHourlyLeaveAsync(demo);
        // 9:00–14:00 without a break: a 5-hour day, shorter than any demo employee's own 所定労働 (8 h, part-timers 6 h).
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("短時間", new TimeOnly(9, 0), new TimeOnly(14, 0), 0));
        var inoue = await EmployeeAsync(demo, "井上 美穂");
        await AssignAsync(demo, inoue, rule.Id);

        // A day of leave is 5 hours, so the year's hourly cap is 5 days × 5 h = 25 h (39条4項).
        var balance = await demo.As<LeaveBook, LeaveBalanceDto>("suzuki", b => b.BalanceAsync(inoue.Id));
        Assert.Equal((5, 25), (balance.HoursPerDay, balance.HourlyHoursCap));

        var whole = await Assert.ThrowsAsync<ValidationException>(() => FileAsync(demo, "inoue", "年次有給休暇", "2026-12-01", "2026-12-01", LeaveRequests.ByHours, 5));
        Assert.Contains("1〜4時間", whole.Message, StringComparison.Ordinal);
        var four = await FileAsync(demo, "inoue", "年次有給休暇", "2026-12-01", "2026-12-01", LeaveRequests.ByHours, 4);
        Assert.Equal(RequestStatus.InProgress, four.Status);
    }
}
