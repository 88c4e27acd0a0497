using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;

namespace Urakata.Tests.People;

/// <summary>A factory whose clock the tests set (the web clock uses the server time).</summary>
public sealed class AttendanceFactory : UrakataFactory
{
    protected override bool UseFakeClock => true;
}

/// <summary>
/// 勤怠 on a real database: kiosk and web clocking, a shift over midnight, a missing clock-out, overlaps and double clicks
/// refused, the closed month, the 勤務表 against the classifier's golden values, the department list, isolation and rights.
/// </summary>
[Trait("Category", "Database")]
public sealed class AttendanceFeatureTests(AttendanceFactory factory) : IClassFixture<AttendanceFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>"Now" for the web clock: Tue 24 Nov 2026 10:00 in Japan (the factory's clock never goes back).</summary>
    private static readonly DateTimeOffset Now = Jst(11, 24, 10);

    /// <summary>Moves the shared clock to <see cref="Now"/> unless a test has already moved it past (it cannot go back).</summary>
    private void SetClock()
    {
        if (factory.Clock.GetUtcNow() < Now)
        {
            factory.Clock.SetUtcNow(Now.ToUniversalTime());
        }
    }

    private static DateTimeOffset Jst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    private async Task<(TestCompany Company, HttpClient Client, EmployeeDto Employee)> CompanyWithEmployeeAsync(string key, Guid? userId = null)
    {
        SetClock();
        var company = await factory.CreateCompanyAsync("株式会社勤怠" + key, "att-" + key);
        var client = await factory.CreateApiClientAsync(company);
        var response = await client.PostAsJsonAsync("/api/v1/people/employees", new EmployeeInput("K001", "勤怠 一郎", "キンタイ イチロウ", null,
            new DateOnly(2020, 4, 1), EmploymentType.Regular, WorkDaysPerWeek: 5, WorkMinutesPerDay: 480, UserId: userId), Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (company, client, (await response.Content.ReadFromJsonAsync<EmployeeDto>(Json))!);
    }

    private static async Task<HttpResponseMessage> KioskAsync(HttpClient client, ClockKind kind, DateTimeOffset? at, string number = "K001") =>
        await client.PostAsJsonAsync("/api/v1/people/attendance/clock", new KioskClock(number, kind, at), Json);

    private static async Task ClockOkAsync(HttpClient client, ClockKind kind, DateTimeOffset at)
    {
        var response = await KioskAsync(client, kind, at);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind} {at}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return Regex.Unescape(await response.Content.ReadAsStringAsync());
    }

    private static async Task<TimesheetDto> TimesheetAsync(HttpClient client, Guid employeeId, string month = "2026-11") =>
        (await client.GetFromJsonAsync<TimesheetDto>($"/api/v1/people/attendance/{employeeId}/{month}", Json))!;

    [Fact]
    public async Task KioskClocking_TimesheetEqualsTheClassifiersGoldenValues()
    {
        var (_, client, employee) = await CompanyWithEmployeeAsync("a");
        // Mon 2 Nov: 09:00–18:00 with an hour's break — 8 h 所定内 (32条).
        await ClockOkAsync(client, ClockKind.In, Jst(11, 2, 9));
        await ClockOkAsync(client, ClockKind.BreakStart, Jst(11, 2, 12));
        await ClockOkAsync(client, ClockKind.BreakEnd, Jst(11, 2, 13));
        await ClockOkAsync(client, ClockKind.Out, Jst(11, 2, 18));
        // Wed 4 Nov: until 22:30 — 12.5 h worked, 4.5 h 法定外 beyond 8 h, 30 min 深夜 (37条1項, 4項; reference §5.2).
        await ClockOkAsync(client, ClockKind.In, Jst(11, 4, 9));
        await ClockOkAsync(client, ClockKind.BreakStart, Jst(11, 4, 12));
        await ClockOkAsync(client, ClockKind.BreakEnd, Jst(11, 4, 13));
        await ClockOkAsync(client, ClockKind.Out, Jst(11, 4, 22, 30));
        // Thu 5 Nov 20:00 → Fri 05:00 with a break at midnight: stays on the 5th; 6 h of it 深夜.
        await ClockOkAsync(client, ClockKind.In, Jst(11, 5, 20));
        await ClockOkAsync(client, ClockKind.BreakStart, Jst(11, 6, 0));
        await ClockOkAsync(client, ClockKind.BreakEnd, Jst(11, 6, 1));
        await ClockOkAsync(client, ClockKind.Out, Jst(11, 6, 5));
        // Sun 8 Nov, the 法定休日: every hour is 法定休日労働 (35条).
        await ClockOkAsync(client, ClockKind.In, Jst(11, 8, 10));
        await ClockOkAsync(client, ClockKind.Out, Jst(11, 8, 15));
        // Mon 9 Nov: 7.5 h without a break — 34条 needs 45 minutes.
        await ClockOkAsync(client, ClockKind.In, Jst(11, 9, 9));
        await ClockOkAsync(client, ClockKind.Out, Jst(11, 9, 16, 30));
        // Tue 10 Nov: clocked in, never out — flagged, and not counted (the whole 8 h short) until corrected.
        await ClockOkAsync(client, ClockKind.In, Jst(11, 10, 9));

        var sheet = await TimesheetAsync(client, employee.Id);
        Assert.Equal(30, sheet.Days.Count);
        TimesheetDayDto Day(int d) => sheet.Days.Single(x => x.Date == new DateOnly(2026, 11, d));

        Assert.Equal((480, 480, 0, 60), (Day(2).WorkedMinutes, Day(2).WithinScheduledMinutes, Day(2).StatutoryOvertimeMinutes, Day(2).BreakMinutes));
        Assert.Equal(DayKind.ScheduledRestDay, Day(3).Kind); // 文化の日 from the platform calendar
        Assert.Equal((750, 480, 270, 30), (Day(4).WorkedMinutes, Day(4).WithinScheduledMinutes, Day(4).StatutoryOvertimeMinutes, Day(4).NightMinutes));
        Assert.Equal((480, 360), (Day(5).WorkedMinutes, Day(5).NightMinutes));
        Assert.Equal(Jst(11, 6, 5), Day(5).Work.Single().End);
        Assert.Empty(Day(6).Work);
        Assert.Equal((DayKind.StatutoryRestDay, 300, 0), (Day(8).Kind, Day(8).StatutoryRestDayWorkMinutes, Day(8).StatutoryOvertimeMinutes));
        Assert.Equal(new AttendanceWarning(AttendanceWarningKind.BreakTooShort, 45, 0), Day(9).Warnings.Single());
        Assert.Equal(AttendanceWarningKind.MissingClockOut, Day(10).Warnings.Single().Kind);
        Assert.Equal((Jst(11, 10, 9), (DateTimeOffset?)null), (Day(10).Work.Single().Start, Day(10).Work.Single().End));

        Assert.Equal(new MonthlyHours(DaysWorked: 5, WorkedMinutes: 2460, WithinScheduledMinutes: 1890, NonStatutoryOvertimeMinutes: 0,
            StatutoryOvertimeMinutes: 270, StatutoryOvertimeOver60Minutes: 0, NightMinutes: 390, StatutoryRestDayWorkMinutes: 300, ShortfallMinutes: 30 + 480), sheet.Totals);
        Assert.Equal((1, 1), (sheet.MissingClockOuts, sheet.BreakWarnings));

        // The department-month list and its export carry the same totals.
        var list = (await client.GetFromJsonAsync<List<AttendanceSummaryDto>>("/api/v1/people/attendance?month=2026-11", Json))!;
        Assert.Equal(sheet.Totals, list.Single().Totals);
        var csv = await client.GetStringAsync("/api/v1/people/attendance/export?month=2026-11&format=csv");
        Assert.Contains("勤怠 一郎", csv, StringComparison.Ordinal);
        Assert.Contains("41:00", csv, StringComparison.Ordinal);
        var xlsx = await client.GetAsync("/api/v1/people/attendance/export?month=2026-11&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OverlapsAndOutOfOrderClocks_AreRefused_WithNothingChanged()
    {
        var (company, client, employee) = await CompanyWithEmployeeAsync("b");
        await ClockOkAsync(client, ClockKind.In, Jst(11, 2, 9));
        await ClockOkAsync(client, ClockKind.Out, Jst(11, 2, 18));

        Assert.Contains("重なって", await RefusalAsync(await KioskAsync(client, ClockKind.In, Jst(11, 2, 17))), StringComparison.Ordinal);
        Assert.Contains("出勤打刻がありません", await RefusalAsync(await KioskAsync(client, ClockKind.Out, Jst(11, 2, 19))), StringComparison.Ordinal);
        await ClockOkAsync(client, ClockKind.In, Jst(11, 2, 19));
        Assert.Contains("休憩開始", await RefusalAsync(await KioskAsync(client, ClockKind.BreakEnd, Jst(11, 2, 19, 30))), StringComparison.Ordinal);
        // A clock-out before the clock-in it closes.
        await RefusalAsync(await KioskAsync(client, ClockKind.Out, Jst(11, 2, 18, 30)));
        Assert.Contains("K999", await RefusalAsync(await KioskAsync(client, ClockKind.In, Jst(11, 3, 9), "K999")), StringComparison.Ordinal);

        // Forgot to clock out on the 3rd: the next morning's clock-in is taken, the 3rd stays open and flagged.
        await ClockOkAsync(client, ClockKind.In, Jst(11, 3, 9));
        await ClockOkAsync(client, ClockKind.In, Jst(11, 4, 8, 30));
        var sheet = await TimesheetAsync(client, employee.Id);
        Assert.Equal(AttendanceWarningKind.MissingClockOut, sheet.Days.Single(d => d.Date == new DateOnly(2026, 11, 3)).Warnings.Single().Kind);
        Assert.Equal(Jst(11, 4, 8, 30), sheet.Days.Single(d => d.Date == new DateOnly(2026, 11, 4)).Work.Single().Start);
        var day = sheet.Days.Single(d => d.Date == new DateOnly(2026, 11, 2));
        Assert.Equal([(Jst(11, 2, 9), (DateTimeOffset?)Jst(11, 2, 18)), (Jst(11, 2, 19), null)], day.Work.Select(w => (w.Start, w.End)));
        var spans = await factory.InCompanyAsync(company.Id, company.AdminId, sp => sp.GetRequiredService<UrakataDbContext>().Set<AttendanceSpan>().CountAsync());
        Assert.Equal(4, spans);
    }

    [Fact]
    public async Task DoubleClick_IsRecordedOnce_OnTheWebAndThroughTheKiosk()
    {
        var (_, client, employee) = await CompanyWithEmployeeAsync("c");
        // The signed-in employee's own button: the second click finds them clocked in already.
        var me = await factory.CreateCompanyAsync("株式会社勤怠d", "att-d");
        var meClient = await factory.CreateApiClientAsync(me);
        var mine = await meClient.PostAsJsonAsync("/api/v1/people/employees", new EmployeeInput("M001", "本人 花子", "ホンニン ハナコ", null,
            new DateOnly(2020, 4, 1), EmploymentType.Regular, WorkDaysPerWeek: 5, WorkMinutesPerDay: 480, UserId: me.AdminId), Json);
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var first = await meClient.PostAsJsonAsync("/api/v1/people/attendance/me/clock", new MyClock(ClockKind.In), Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var status = (await first.Content.ReadFromJsonAsync<ClockStatusDto>(Json))!;
        var clockedIn = factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clockedIn.ToOffset(TimeSpan.FromHours(9)).DateTime);
        Assert.Equal(clockedIn, status.ClockedInAt);
        Assert.Contains("すでに出勤", await RefusalAsync(await meClient.PostAsJsonAsync("/api/v1/people/attendance/me/clock", new MyClock(ClockKind.In), Json)), StringComparison.Ordinal);
        var myId = (await mine.Content.ReadFromJsonAsync<EmployeeDto>(Json))!.Id;
        var mySheet = (await meClient.GetFromJsonAsync<TimesheetDto>("/api/v1/people/attendance/me/2026-11", Json))!;
        Assert.Equal(myId, mySheet.EmployeeId);
        Assert.Single(mySheet.Days.Single(d => d.Date == today).Work);
        // The page calls the same service in-process: a clock-out there closes the span the API opened.
        factory.Clock.Advance(TimeSpan.FromHours(8));
        var afterOut = await factory.InCompanyAsync(me.Id, me.AdminId, sp => sp.GetRequiredService<AttendanceBook>().ClockMineAsync(ClockKind.Out));
        Assert.Null(afterOut.ClockedInAt);
        var closed = (await meClient.GetFromJsonAsync<TimesheetDto>("/api/v1/people/attendance/me/2026-11", Json))!.Days.Single(d => d.Date == today);
        Assert.Equal((clockedIn, (DateTimeOffset?)clockedIn.AddHours(8), 480), (closed.Work.Single().Start, closed.Work.Single().End, closed.WorkedMinutes));

        // A kiosk retrying with the same Idempotency-Key gets the first answer back, not a second record.
        async Task<HttpResponseMessage> Keyed()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/attendance/clock")
            {
                Content = JsonContent.Create(new KioskClock("K001", ClockKind.In, Jst(11, 9, 8, 58)), options: Json),
            };
            request.Headers.Add("Idempotency-Key", "card-4711-0858");
            return await client.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.OK, (await Keyed()).StatusCode);
        var replay = await Keyed();
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        var day = (await TimesheetAsync(client, employee.Id)).Days.Single(d => d.Date == new DateOnly(2026, 11, 9));
        Assert.Single(day.Work);
    }

    [Fact]
    public async Task AClosedMonth_RefusesClocks()
    {
        var (_, client, employee) = await CompanyWithEmployeeAsync("e");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/people/attendance/closes", new CloseMonthBody(null, "2026-10"), Json)).StatusCode);
        Assert.Contains("2026-10", await RefusalAsync(await KioskAsync(client, ClockKind.In, Jst(10, 30, 9))), StringComparison.Ordinal);
        Assert.True((await TimesheetAsync(client, employee.Id, "2026-10")).Closed);
        Assert.All((await TimesheetAsync(client, employee.Id, "2026-10")).Days, d => Assert.Empty(d.Work));
        await ClockOkAsync(client, ClockKind.In, Jst(11, 2, 9));
    }

    [Fact]
    public async Task Staff_SeeTheirOwn_Get403ForOthers_HrReads_AnotherCompanyGets404()
    {
        SetClock();
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        var staff = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamada"));
        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));
        var sato = await factory.InCompanyAsync(demo.CompanyId, null, sp => sp.GetRequiredService<UrakataDbContext>().Set<Employee>().AsNoTracking().SingleAsync(e => e.Name == "佐藤 健一"));

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync("/api/v1/people/attendance/me/clock", new MyClock(ClockKind.In), Json)).StatusCode);
        var own = (await staff.GetFromJsonAsync<TimesheetDto>("/api/v1/people/attendance/me/2026-11", Json))!;
        Assert.Equal("山田 太郎", own.Name);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/people/attendance/{own.EmployeeId}/2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/people/attendance/{sato.Id}/2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/attendance?month=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/attendance/export?month=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await KioskAsync(staff, ClockKind.In, null, sato.Number)).StatusCode);

        Assert.Equal("佐藤 健一", (await hr.GetFromJsonAsync<TimesheetDto>($"/api/v1/people/attendance/{sato.Id}/2026-11", Json))!.Name);
        var sales1 = await demo.DepartmentAsync("211");
        var department = (await hr.GetFromJsonAsync<List<AttendanceSummaryDto>>($"/api/v1/people/attendance?department={sales1}&month=2026-11", Json))!;
        Assert.Equal(4, department.Count);
        Assert.Equal(1, department.Single(r => r.Name == "山田 太郎").MissingClockOuts);

        var (_, other, _) = await CompanyWithEmployeeAsync("f");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/people/attendance/{sato.Id}/2026-11")).StatusCode);
        Assert.Contains("社員番号", await RefusalAsync(await KioskAsync(other, ClockKind.In, null, sato.Number)), StringComparison.Ordinal);
    }
}
