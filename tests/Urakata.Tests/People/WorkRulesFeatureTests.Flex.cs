using System.Net;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.Platform.Kernel;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using static Urakata.Tests.People.AttendanceCorrectionTests;

namespace Urakata.Tests.People;

/// <summary>
/// フレックス employees who join or leave inside a three-month 清算期間 (労基法32条の3の2: the excess over 40 h a week
/// averaged over the days employed, paid when their time in the period ends), and the コアタイム warning on the 勤務表.
/// The months are 2027's, which no other test of the class closes.
/// </summary>
public sealed partial class WorkRulesFeatureTests
{
    /// <summary>A new employee of 池田 亮's department under the rule, hired and (when given) leaving on the dates.</summary>
    private static async Task<Employee> HireAsync(WorkflowDemo demo, string number, string name, DateOnly hired, DateOnly? leaves, Guid ruleId)
    {
        var department = (await EmployeeAsync(demo, "池田 亮")).DepartmentId;
        await demo.As<EmployeeDirectory, EmployeeDto>("yoshida", d => d.CreateAsync(new EmployeeInput(number, name, "フレックス タロウ", null, hired,
            EmploymentType.Regular, RetirementDate: leaves, DepartmentId: department, WorkRuleId: ruleId)));
        return await EmployeeAsync(demo, name);
    }

    /// <summary>The 所定労働日 of the rule below (weekdays that are not national holidays) from <paramref name="from"/> up to <paramref name="until"/>.</summary>
    private static List<DateOnly> WorkDaysBetween(DateOnly from, DateOnly until) =>
        [.. Enumerable.Range(0, until.DayNumber - from.DayNumber).Select(from.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !JapaneseHolidays.IsHoliday(d))];

    [Fact]
    public async Task FlexThreeMonths_ALeaverIsSettledInTheMonthTheyLeave_AJoinerAtThePeriodEnd_OverTheDaysEmployed()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        // 清算期間 January–March 2027: 90 days, 総枠 40 × 90 ÷ 7 = 514.29 h (30,857 min); 所定 8 h × the 所定労働日 employed.
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("フレックス(四半期)", new TimeOnly(9, 0), new TimeOnly(18, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.Flex, FlexMonths: 3, FlexStartMonth: 1));
        var d = (int month, int day) => new DateOnly(2027, month, day);
        var (january, februaryToLeave, februaryFromJoin, march) =
            (WorkDaysBetween(d(1, 1), d(2, 1)), WorkDaysBetween(d(2, 1), d(2, 13)), WorkDaysBetween(d(2, 15), d(3, 1)), WorkDaysBetween(d(3, 1), d(4, 1)));
        // 元日 and 成人の日 (11 Jan); 建国記念の日 (11 Feb); 天皇誕生日 (23 Feb); 春分の日 on Sunday 21 March, so the 22nd off.
        Assert.Equal((19, 9, 9, 22), (january.Count, februaryToLeave.Count, februaryFromJoin.Count, march.Count));
        Task<TimesheetDto> SheetAsync(Employee e, string month) => demo.As<AttendanceBook, TimesheetDto>("yoshida", b => b.TimesheetAsync(e.Id, month));

        // Leaves on Friday 12 February: employed 31 + 12 = 43 days, 総枠 40 × 43 ÷ 7 = 245.71 h → 14,742 min.
        // 10 h a day (9:00–20:00, an hour's break): January 19 days = 11,400 (under its 50-hour cap, 13,285), February 9 days = 5,400.
        var leaver = await HireAsync(demo, "F901", "退職 フレックス", new DateOnly(2020, 4, 1), d(2, 12), rule.Id);
        await WorkAsync(demo, leaver, january.Concat(februaryToLeave).Select(x => (x, 9, 20, true)));
        var before = (await SheetAsync(leaver, "2027-01")).Totals;
        Assert.Equal((11_400, 0), (before.WorkedMinutes, before.StatutoryOvertimeMinutes));
        // Settled in February, the month they leave: 16,800 − 14,742 = 2,058 時間外 (over the whole period's 30,857: none, and not
        // until March). 所定 28 days × 8 h = 13,440: 法定内 14,742 − 13,440 = 1,302; 所定内 5,400 − 2,058 − 1,302 = 2,040; nothing short.
        var leaving = (await SheetAsync(leaver, "2027-02")).Totals;
        Assert.Equal((5_400, 2_058, 1_302, 2_040, 0), (leaving.WorkedMinutes, leaving.StatutoryOvertimeMinutes, leaving.NonStatutoryOvertimeMinutes,
            leaving.WithinScheduledMinutes, leaving.ShortfallMinutes));

        // Joins on Monday 15 February: employed 14 + 31 = 45 days, 総枠 40 × 45 ÷ 7 = 257.14 h → 15,428 min.
        // 11 h a day (9:00–21:00, an hour's break): February 9 days = 5,940 (under 200 h); March 22 days = 14,520, 1,235 over
        // March's cap (13,285). At the period's end: 20,460 − 15,428 − 1,235 = 3,797 more, 5,032 in March in all (the whole
        // period's 総枠 would have left only the 1,235). 所定 31 days × 8 h = 14,880: 法定内 min(20,460 − 1,235, 15,428) − 14,880 = 548.
        var joiner = await HireAsync(demo, "F902", "入社 フレックス", d(2, 15), null, rule.Id);
        await WorkAsync(demo, joiner, februaryFromJoin.Concat(march).Select(x => (x, 9, 21, true)));

        Task<MonthTotalsDto> CloseAsync(string month, Employee e) => demo.As<AttendanceMonthClose, MonthTotalsDto>("yoshida", async c =>
        {
            await c.CloseAsync(new CloseMonthBody(e.DepartmentId, month));
            return (await c.TotalsAsync(e.DepartmentId, month)).Single(t => t.EmployeeId == e.Id);
        });
        // February closed: the leaver's settlement is in payroll's totals; the joiner's first two weeks carry no overtime.
        var february = await CloseAsync("2027-02", leaver);
        Assert.Equal((2_058, 1_302, 0), (february.StatutoryOvertimeMinutes, february.NonStatutoryOvertimeMinutes, february.ShortfallMinutes));
        var joined = (await demo.As<AttendanceMonthClose, List<MonthTotalsDto>>("yoshida", c => c.TotalsAsync(joiner.DepartmentId, "2027-02"))).Single(t => t.EmployeeId == joiner.Id);
        Assert.Equal((5_940, 0, 0), (joined.WorkedMinutes, joined.StatutoryOvertimeMinutes, joined.NonStatutoryOvertimeMinutes));

        // March settles the joiner. Nothing short: their 所定 starts the day they joined (over the whole period, 59 days × 8 h,
        // it would have shown 28,320 − 20,460 = 7,860 minutes short). Of the 5,032, 5,032 − 3,600 = 1,432 pass 60 h (50 %, 37条1項).
        var settled = await CloseAsync("2027-03", joiner);
        Assert.Equal((14_520, 5_032, 548, 8_940, 0, 1_432), (settled.WorkedMinutes, settled.StatutoryOvertimeMinutes, settled.NonStatutoryOvertimeMinutes,
            settled.WithinScheduledMinutes, settled.ShortfallMinutes, settled.StatutoryOvertimeOver60Minutes));
    }

    [Fact]
    public async Task FlexCoreTime_ADayOffTheCore_IsWarnedOnTheTimesheet_NotOnLeaveOrRestDays_AndTheHoursStand()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("フレックス(コア)", new TimeOnly(9, 0), new TimeOnly(18, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.Flex, CoreStart: new TimeOnly(10, 0), CoreEnd: new TimeOnly(15, 0)));
        var employee = await HireAsync(demo, "F903", "コア フレックス", new DateOnly(2020, 4, 1), null, rule.Id);
        var d = (int day) => new DateOnly(2027, 4, day);
        await WorkAsync(demo, employee,
        [
            (d(5), 9, 18, true), // covers 10:00–15:00
            (d(6), 11, 19, true), // in at 11: 240 of the core's 300 minutes
            (d(7), 8, 12, false), // out at noon: 120 of them
            (d(8), 13, 18, false), // in at 13, but the morning was half a day of leave
            (d(10), 13, 16, false), // Saturday, a 所定休日: no core to keep
        ]);
        factory.Leave.Taken.Add(new LeaveOnDate(employee.Id, d(8), "paid", "年次有給休暇", true, 0.5m, 0, Urakata.People.Leave.DayHalf.Morning));

        var sheet = await demo.As<AttendanceBook, TimesheetDto>("yoshida", b => b.TimesheetAsync(employee.Id, "2027-04"));
        var warned = sheet.Days.Where(x => x.Warnings.Count > 0).ToDictionary(x => x.Date.Day, x => x.Warnings.Single());
        Assert.Equal([6, 7], warned.Keys.Order());
        Assert.Equal(new AttendanceWarning(AttendanceWarningKind.CoreTimeNotCovered, 300, 240), warned[6]);
        Assert.Equal(new AttendanceWarning(AttendanceWarningKind.CoreTimeNotCovered, 300, 120), warned[7]);
        // A warning, not a refusal: the late day's 7 hours are worked and 所定内 like any other.
        var late = sheet.Days.Single(x => x.Date == d(6));
        Assert.Equal((420, 420), (late.WorkedMinutes, late.WithinScheduledMinutes));

        // The 勤務表 page shows it on the day, as it shows a short break.
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(client, "yoshida", UrakataFactory.Password)).StatusCode);
        var page = await client.GetStringAsync($"/people/attendance/{employee.Id}?month=2027-04");
        Assert.Contains("コアタイム不足（コア 300 分・出勤中 240 分）", page, StringComparison.Ordinal);
    }
}
