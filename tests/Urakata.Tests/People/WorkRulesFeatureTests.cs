using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using static Urakata.Tests.People.AttendanceCorrectionTests;

namespace Urakata.Tests.People;

/// <summary>
/// 勤務形態 per employee on the demo company (reference §5.4): rules over HTTP with their refusals, a 変形 month with a long and
/// a short day counted against its シフト, the シフト CSV (UTF-8 BOM and Shift_JIS; an unknown employee or a schedule over the
/// cap refused with nothing stored), and a two-month フレックス 清算期間 closed month by month with the 50-hour excess in the
/// first and the settlement in the second, in the totals payroll reads.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class WorkRulesFeatureTests(CloseFactory factory) : IClassFixture<CloseFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static DateTime Utc(DateOnly date, int hour, int minute = 0) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour % 24, minute)).AddDays(hour / 24), TimeSpan.FromHours(9)).UtcDateTime;

    /// <summary>Clock records written straight to the database: in, an hour's break at noon when asked, out.</summary>
    private static Task<int> WorkAsync(WorkflowDemo demo, Employee employee, IEnumerable<(DateOnly Date, int In, int Out, bool Break)> days) =>
        demo.As<UrakataDbContext, int>("admin", async db =>
        {
            foreach (var (date, clockIn, clockOut, withBreak) in days)
            {
                var day = new AttendanceDay(employee.Id, date);
                day.Clock(ClockKind.In, Utc(date, clockIn));
                if (withBreak)
                {
                    day.Clock(ClockKind.BreakStart, Utc(date, 12));
                    day.Clock(ClockKind.BreakEnd, Utc(date, 13));
                }

                day.Clock(ClockKind.Out, Utc(date, clockOut));
                db.Add(day);
            }

            return await db.SaveChangesAsync();
        });

    internal static Task<WorkRuleDto> CreateRuleAsync(WorkflowDemo demo, WorkRuleInput input) =>
        demo.As<WorkRules, WorkRuleDto>("yoshida", r => r.CreateAsync(input));

    /// <summary>Puts the employee under the rule through the master, as the form does (every other field as it is).</summary>
    internal static Task<EmployeeDto> AssignAsync(WorkflowDemo demo, Employee employee, Guid? ruleId) =>
        demo.As<EmployeeDirectory, EmployeeDto>("yoshida", async d =>
        {
            var e = await d.GetAsync(employee.Id);
            return await d.UpdateAsync(e.Id, new EmployeeInput(e.Number, e.Name, e.Kana, e.BirthDate, e.HireDate, e.EmploymentType, e.Status, e.RetirementDate,
                e.WorkDaysPerWeek, e.WorkMinutesPerDay, e.AnnualWorkDays, e.UserId, e.DepartmentId, e.PositionId, e.Email, e.Phone, e.PostalCode, e.Address,
                e.EmergencyContactName, e.EmergencyContactRelation, e.EmergencyContactPhone,
                e.PayAccount is { } a ? new Employee.PayAccountInput(a.BankCode, a.BranchCode, a.AccountType, a.AccountNumber, a.HolderKana) : null,
                [.. e.Dependants.Select(x => new DependantInput(x.Name, x.Kana, x.Relation, x.BirthDate, x.LivesTogether, x.Id))], e.Version, ruleId));
        });

    [Fact]
    public async Task Rules_OverHttp_CreateListChange_FourMonthFlexRefused_StaffForbidden()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));
        var staff = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamada"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/attendance/rules")).StatusCode);

        var flex = new WorkRuleInput("フレックス", new TimeOnly(9, 0), new TimeOnly(18, 0), 60, ScheduledRestDays: [DayOfWeek.Saturday],
            TimeSystem: WorkingTimeSystem.Flex, FlexMonths: 3, FlexStartMonth: 4, CoreStart: new TimeOnly(11, 0), CoreEnd: new TimeOnly(15, 0));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/people/attendance/rules", flex, Json)).StatusCode);
        var response = await hr.PostAsJsonAsync("/api/v1/people/attendance/rules", flex, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<WorkRuleDto>(Json))!;
        Assert.Equal((WorkingTimeSystem.Flex, 3, 4, false), (created.TimeSystem, created.FlexMonths, created.FlexStartMonth, created.IsDefault));

        // 32条の3: at most 3 months — refused with the reason, the rule as it was.
        var refused = await hr.PutAsJsonAsync($"/api/v1/people/attendance/rules/{created.Id}", flex with { FlexMonths = 4, Version = created.Version }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1〜3か月", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await hr.GetFromJsonAsync<WorkRuleDto>($"/api/v1/people/attendance/rules/{created.Id}", Json))!.FlexMonths);

        var inoue = await EmployeeAsync(demo, "井上 美穂");
        Assert.Equal(created.Id, (await AssignAsync(demo, inoue, created.Id)).WorkRuleId);
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(demo, inoue, Guid.NewGuid()));
        Assert.Equal(["workRuleId"], unknown.Errors.Keys);

        // Made the default: the old default is not one any more; each rule shows who works under it.
        var changed = await hr.PutAsJsonAsync($"/api/v1/people/attendance/rules/{created.Id}", flex with { Name = "フレックス(本社)", IsDefault = true, Version = created.Version }, Json);
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var rules = (await hr.GetFromJsonAsync<List<WorkRuleDto>>("/api/v1/people/attendance/rules", Json))!;
        var mine = rules.Single(r => r.Id == created.Id);
        Assert.Equal(("フレックス(本社)", true), (mine.Name, mine.IsDefault));
        Assert.Equal(rules.Single(r => r.IsDefault).Id, created.Id);
        // Every employee in service is under one rule: the default counts those without their own.
        var inService = await demo.As<UrakataDbContext, int>("admin", db => db.Set<Employee>().CountAsync(e => e.Status != EmployeeStatus.Retired));
        Assert.Equal(inService, rules.Sum(r => r.Employees));
        Assert.True(mine.Employees >= 1);
        var undefault = await hr.PutAsJsonAsync($"/api/v1/people/attendance/rules/{created.Id}", flex with { IsDefault = false }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, undefault.StatusCode);
        var old = rules.Single(r => r.Name == "標準");
        var standard = new WorkRuleInput("標準", new TimeOnly(9, 0), new TimeOnly(18, 0), 60, ScheduledRestDays: [DayOfWeek.Saturday], IsDefault: true);
        Assert.Equal(HttpStatusCode.Conflict, (await hr.PutAsJsonAsync($"/api/v1/people/attendance/rules/{old.Id}", standard with { Version = old.Version + 1 }, Json)).StatusCode);
        // Back to 標準 as the default (the other tests of the class share the company).
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync($"/api/v1/people/attendance/rules/{old.Id}", standard with { Version = old.Version }, Json)).StatusCode);
    }

    /// <summary>November 2026 under 変形: Sundays 法定休日, Saturdays 休日, weekdays 9:00–17:00 (7 h) but Monday the 2nd 8:00–20:00 (11 h) and Tuesday the 3rd 9:00–14:00 (5 h).</summary>
    private static List<ShiftInput> November()
    {
        var days = new List<ShiftInput>();
        for (var d = new DateOnly(2026, 11, 1); d.Month == 11; d = d.AddDays(1))
        {
            days.Add(d.DayOfWeek switch
            {
                DayOfWeek.Sunday => new ShiftInput(d, ShiftKind.StatutoryRestDay),
                DayOfWeek.Saturday => new ShiftInput(d, ShiftKind.RestDay),
                _ when d.Day == 2 => new ShiftInput(d, ShiftKind.Work, new TimeOnly(8, 0), new TimeOnly(20, 0), 60),
                _ when d.Day == 3 => new ShiftInput(d, ShiftKind.Work, new TimeOnly(9, 0), new TimeOnly(14, 0)),
                _ => new ShiftInput(d, ShiftKind.Work, new TimeOnly(9, 0), new TimeOnly(17, 0), 60),
            });
        }

        return days;
    }

    [Fact]
    public async Task VariableMonth_LongAndShortDays_CountedAgainstTheShifts_AndAScheduleOverTheCapIsRefused()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("店舗シフト", new TimeOnly(9, 0), new TimeOnly(17, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.MonthlyVariable));
        var hayashi = await EmployeeAsync(demo, "林 優子");
        Task<ShiftMonthDto> SetAsync(IReadOnlyList<ShiftInput> days) =>
            demo.As<ShiftCalendar, ShiftMonthDto>("yoshida", s => s.SetAsync(hayashi.Id, new ShiftMonthInput("2026-11", days)));

        // Not yet under a 変形 rule: no シフト.
        var notVariable = await Assert.ThrowsAsync<DomainException>(() => SetAsync(November()));
        Assert.True(notVariable.Field == "employee", notVariable.Message);
        await AssignAsync(demo, hayashi, rule.Id);

        // Nine hours every weekday: 21 × 9 h = 189.0 h over the cap of 30 days, 171.4 h (40 × 30 ÷ 7) — refused, nothing stored.
        var tooLong = November().Select(s => s.Kind == ShiftKind.Work ? s with { Start = new TimeOnly(9, 0), End = new TimeOnly(18, 0), BreakMinutes = 0 } : s).ToList();
        var over = await Assert.ThrowsAsync<DomainException>(() => SetAsync(tooLong));
        Assert.Contains("189:00", over.Message, StringComparison.Ordinal);
        Assert.Contains("171:25", over.Message, StringComparison.Ordinal);
        Assert.Equal(0, await demo.As<UrakataDbContext, int>("admin", db => db.Set<ShiftDay>().CountAsync(s => s.EmployeeId == hayashi.Id)));

        var month = await SetAsync(November());
        // 19 days × 7 h + 11 h + 5 h = 149.0 h of a 171.4 h cap.
        Assert.Equal((8_940, 10_285), (month.ScheduledMinutes, month.CapMinutes));

        var d = (int day) => new DateOnly(2026, 11, day);
        await WorkAsync(demo, hayashi,
        [
            (d(2), 8, 21, true), // 12 h on the 11-hour day: 1 h over its schedule (a)
            (d(3), 9, 17, true), // 7 h on the 5-hour day: 2 h 法定内 (under 8 h)
            (d(4), 9, 18, true), // 8 h on a 7-hour day: 1 h 法定内
            (d(5), 9, 17, true),
            (d(6), 9, 17, true),
            (d(7), 9, 15, false), // Saturday 休日, 6 h: the week passes 40 h (b)
            (d(8), 9, 12, false), // Sunday 法定休日: 休日労働
        ]);
        var sheet = await demo.As<AttendanceBook, TimesheetDto>("yoshida", b => b.TimesheetAsync(hayashi.Id, "2026-11"));
        var row = (int day) => sheet.Days.Single(x => x.Date == d(day));
        Assert.Equal((660, 0, 60), (row(2).WithinScheduledMinutes, row(2).NonStatutoryOvertimeMinutes, row(2).StatutoryOvertimeMinutes));
        Assert.Equal((300, 120, 0), (row(3).WithinScheduledMinutes, row(3).NonStatutoryOvertimeMinutes, row(3).StatutoryOvertimeMinutes));
        Assert.Equal((DayKind.ScheduledRestDay, 0, 360, 360), (row(7).Kind, row(7).NonStatutoryOvertimeMinutes, row(7).StatutoryOvertimeMinutes, row(7).WeeklyOvertimeMinutes));
        Assert.Equal((DayKind.StatutoryRestDay, 180), (row(8).Kind, row(8).StatutoryRestDayWorkMinutes));
        // Standard rules would have made 4 h of the 2nd 法定外; under the シフト: 1 h (a) + 6 h of the week (b).
        Assert.Equal((3_000, 2_220, 180, 420, 180), (sheet.Totals.WorkedMinutes, sheet.Totals.WithinScheduledMinutes, sheet.Totals.NonStatutoryOvertimeMinutes,
            sheet.Totals.StatutoryOvertimeMinutes, sheet.Totals.StatutoryRestDayWorkMinutes));

        var closed = await demo.As<AttendanceMonthClose, AttendanceCloseDto>("yoshida", c => c.CloseAsync(new CloseMonthBody(hayashi.DepartmentId, "2026-11")));
        var totals = (await demo.As<AttendanceMonthClose, List<MonthTotalsDto>>("yoshida", c => c.TotalsAsync(hayashi.DepartmentId, "2026-11"))).Single(t => t.Name == "林 優子");
        Assert.Equal((closed.Id, 420, 360, 180), (totals.CloseId, totals.StatutoryOvertimeMinutes, totals.WeeklyOvertimeMinutes, totals.NonStatutoryOvertimeMinutes));
        // The month is closed: its シフト are too.
        await Assert.ThrowsAsync<DomainException>(() => SetAsync([new ShiftInput(d(30), ShiftKind.RestDay)]));
    }

    [Fact]
    public async Task ShiftCsv_Utf8BomAndShiftJis_AllOrNothing_ErrorsNameRowAndColumn()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("店舗シフト", new TimeOnly(9, 0), new TimeOnly(17, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.MonthlyVariable));
        var hayashi = await EmployeeAsync(demo, "清水 拓也");
        await AssignAsync(demo, hayashi, rule.Id);
        Task<ShiftImportResult> ImportAsync(byte[] bytes) => demo.As<ShiftImport, ShiftImportResult>("yoshida", i => i.ImportAsync(new MemoryStream(bytes)));
        Task<int> StoredAsync() => demo.As<UrakataDbContext, int>("admin", db => db.Set<ShiftDay>().CountAsync(s => s.EmployeeId == hayashi.Id));

        var bad = $"社員番号,日付,区分,始業,終業,休憩\r\n{hayashi.Number},2026-12-01,勤務,10:00,22:00,60\r\n99999,2026-12-02,休日,,,\r\n{hayashi.Number},2026-12-03,遅番,,,\r\n";
        var result = await ImportAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(bad)]);
        Assert.Equal([(3, "社員番号"), (4, "区分")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("99999", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());

        // Over the cap: every weekday 10:00–22:00 with an hour's break (11 h) — refused at the employee's first row.
        var lines = new StringBuilder("社員番号,日付,区分,始業,終業,休憩\r\n");
        for (var d = new DateOnly(2026, 12, 1); d.Month == 12; d = d.AddDays(1))
        {
            lines.Append(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? $"{hayashi.Number},{d:yyyy/MM/dd},休日,,,\r\n" : $"{hayashi.Number},{d:yyyy/MM/dd},勤務,10:00,22:00,60\r\n");
        }

        var cap = await ImportAsync(Encoding.UTF8.GetBytes(lines.ToString()));
        Assert.Equal((2, "日付"), (cap.Errors.Single().Row, cap.Errors.Single().Column));
        Assert.Contains("177:08", cap.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync());

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var good = $"社員番号,日付,区分,始業,終業,休憩\r\n{hayashi.Number},2026/12/01,勤務,10:00,22:00,60\r\n{hayashi.Number},2026/12/02,法定休日,,,\r\n{hayashi.Number},2026/12/03,勤務,22:00,7:00,60\r\n";
        var ok = await ImportAsync(Encoding.GetEncoding(932).GetBytes(good));
        Assert.True(ok.Succeeded, string.Join(" ", ok.Errors));
        Assert.Equal(3, ok.Imported);
        var month = await demo.As<ShiftCalendar, ShiftMonthDto>("yoshida", s => s.EmployeeMonthAsync(hayashi.Id, "2026-12"));
        Assert.Equal((660, ShiftKind.StatutoryRestDay, 480, false), (month.Days[0].ScheduledMinutes, month.Days[1].Kind, month.Days[2].ScheduledMinutes, month.Days[2].FromRule));
        Assert.True(month.Days[3].FromRule);
    }

    [Fact]
    public async Task FlexTwoMonths_FirstMonthPaysTheFiftyHourExcess_SecondSettlesThePeriod_InTheClosedTotals()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        // 清算期間 October–November 2026 (61 days, 総枠 40 × 61 ÷ 7 = 348.57 h → 20,914 min); 所定 8 h × the work days.
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("フレックス", new TimeOnly(9, 0), new TimeOnly(18, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.Flex, FlexMonths: 2, FlexStartMonth: 10));
        var ikeda = await EmployeeAsync(demo, "池田 亮");
        await AssignAsync(demo, ikeda, rule.Id);
        static IEnumerable<DateOnly> WorkDays(int month)
        {
            for (var d = new DateOnly(2026, month, 1); d.Month == month; d = d.AddDays(1))
            {
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !JapaneseHolidays.IsHoliday(d))
                {
                    yield return d;
                }
            }
        }

        Assert.Equal((21, 19), (WorkDays(10).Count(), WorkDays(11).Count()));
        // October: 21 days × 11 h (9:00–21:00, an hour's break) = 13,860 min, over the month's 50-hour average
        // (50 × 31 ÷ 7 = 221.43 h → 13,285): 575 min 時間外 now, nothing on any single day.
        await WorkAsync(demo, ikeda, WorkDays(10).Select(d => (d, 9, 21, true)));
        var sheet = await demo.As<AttendanceBook, TimesheetDto>("yoshida", b => b.TimesheetAsync(ikeda.Id, "2026-10"));
        Assert.All(sheet.Days.Where(x => x.WorkedMinutes > 0), x => Assert.Equal((660, 0), (x.WithinScheduledMinutes, x.StatutoryOvertimeMinutes)));
        Assert.Equal((13_860, 575, 0), (sheet.Totals.WorkedMinutes, sheet.Totals.StatutoryOvertimeMinutes, sheet.Totals.NonStatutoryOvertimeMinutes));
        Task<MonthTotalsDto> CloseAsync(string month) => demo.As<AttendanceMonthClose, MonthTotalsDto>("yoshida", async c =>
        {
            await c.CloseAsync(new CloseMonthBody(ikeda.DepartmentId, month));
            return (await c.TotalsAsync(ikeda.DepartmentId, month)).Single(t => t.Name == "池田 亮");
        });
        var october = await CloseAsync("2026-10");
        Assert.Equal((13_860, 575, 0, 13_285), (october.WorkedMinutes, october.StatutoryOvertimeMinutes, october.NonStatutoryOvertimeMinutes, october.WithinScheduledMinutes));

        // November: 19 days × 8 h = 9,120 (under its own cap). The period: 22,980 worked − 20,914 − 575 paid = 1,491 時間外;
        // 法定内 = min(22,980 − 575, 20,914) − 所定 40 days × 8 h (19,200) = 1,714.
        await WorkAsync(demo, ikeda, WorkDays(11).Select(d => (d, 9, 18, true)));
        var november = await CloseAsync("2026-11");
        Assert.Equal((9_120, 1_491, 1_714, 5_915, 0), (november.WorkedMinutes, november.StatutoryOvertimeMinutes, november.NonStatutoryOvertimeMinutes,
            november.WithinScheduledMinutes, november.ShortfallMinutes));
    }

    [Fact]
    public async Task Pages_ShowTheRulesWithTheirSystems_AndTheShiftGridOfTheVariableEmployees()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("倉庫シフト", new TimeOnly(8, 0), new TimeOnly(17, 0), 60,
            ScheduledRestDays: [DayOfWeek.Saturday], TimeSystem: WorkingTimeSystem.MonthlyVariable, VariableStartDay: 16));
        await AssignAsync(demo, await EmployeeAsync(demo, "松本 さくら"), rule.Id);
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(client, "yoshida", UrakataFactory.Password)).StatusCode);
        foreach (var (path, texts) in new[]
        {
            ("/people/attendance/rules", new[] { "倉庫シフト", "1か月単位の変形労働時間制", "毎月16日起算", "標準" }),
            ("/people/attendance/shifts", new[] { "松本 さくら", "倉庫シフト", "8:00-17:00/60" }),
        })
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.All(texts, t => Assert.Contains(t, body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EmployeeCsv_NamesTheWorkRule_AnUnknownOneIsARowError()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var rule = await CreateRuleAsync(demo, new WorkRuleInput("夜勤シフト（物流）", new TimeOnly(9, 0), new TimeOnly(17, 0), 60, TimeSystem: WorkingTimeSystem.MonthlyVariable));
        Task<Urakata.People.Import.EmployeeImportResult> ImportAsync(string csv) =>
            demo.As<Urakata.People.Import.EmployeeImport, Urakata.People.Import.EmployeeImportResult>("yoshida", i => i.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        const string Header = "社員番号,氏名,フリガナ,入社日,雇用区分,勤務形態\r\n";

        var bad = await ImportAsync(Header + "W901,夜勤 一郎,ヤキン イチロウ,2026-04-01,正社員,夜勤シフト\r\n");
        Assert.Equal((2, "勤務形態"), (bad.Errors.Single().Row, bad.Errors.Single().Column));
        var ok = await ImportAsync(Header + "W901,夜勤 一郎,ヤキン イチロウ,2026-04-01,正社員,夜勤シフト（物流）\r\nW902,日勤 花子,ニッキン ハナコ,2026-04-01,正社員,\r\n");
        Assert.True(ok.Succeeded, string.Join(" ", ok.Errors));
        var rules = await demo.As<UrakataDbContext, List<Guid?>>("admin", db => db.Set<Employee>().Where(e => e.Number == "W901" || e.Number == "W902")
            .OrderBy(e => e.Number).Select(e => e.WorkRuleId).ToListAsync());
        Assert.Equal([rule.Id, null], rules);
    }
}
