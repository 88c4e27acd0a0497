using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.Platform.Data;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using static Urakata.Tests.People.AttendanceCorrectionTests;

namespace Urakata.Tests.People;

/// <summary>
/// 36協定 on stored hours (reference §5.3), demo company, default agreement (45 h a month = 2,700 min; alerts at 70 / 90 /
/// 100 %): the alert the first time a level is reached in the month, to the employee and their 所属長, never twice; the
/// status and forecast on the 勤務表 and the department list; the agreement's figures checked against 36条.
/// </summary>
[Trait("Category", "Database")]
public sealed class OvertimeWatchTests(AttendanceFactory factory) : IClassFixture<AttendanceFactory>
{
    [Fact]
    public async Task ClockOuts_PassingALevel_NotifyEmployeeAndManagerOnce_AndTheTimesheetForecastsTheMonth()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var yamada = await EmployeeAsync(demo, "山田 太郎");
        async Task LongDayAsync(int day, int outDay, int outHour)
        {
            await ClockAsync(demo, yamada, ClockKind.In, Jst(11, day, 6));
            await ClockAsync(demo, yamada, ClockKind.BreakStart, Jst(11, day, 12));
            await ClockAsync(demo, yamada, ClockKind.BreakEnd, Jst(11, day, 13));
            await ClockAsync(demo, yamada, ClockKind.Out, Jst(11, outDay, outHour));
        }

        Task<List<string>> TitlesAsync(string userName) => demo.As<UrakataDbContext, List<string>>("admin", async db =>
        {
            var user = await demo.UserAsync(userName);
            return await db.Notifications.AsNoTracking().Where(n => n.UserId == user).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync();
        });

        // 06:00 to 05:00 the next morning, an hour's break: 22 h, of which 14 h (840 min) beyond 8 h.
        await LongDayAsync(2, 3, 5);  // 840 = 31 %
        await LongDayAsync(4, 5, 5);  // 1,680 = 62 %
        Assert.Empty(await TitlesAsync("yamada"));
        await LongDayAsync(5, 6, 5);  // 2,520 = 93 %: 70 % and 90 % passed at once — one alert, at 90 %
        var titles = await TitlesAsync("yamada");
        Assert.Equal("36協定: 山田 太郎さんの月の限度時間(時間外)が90%に達しました", titles.Single());
        await LongDayAsync(6, 6, 19); // 12 h: 240 more = 2,760 = 102 %
        Assert.Equal(2, (await TitlesAsync("yamada")).Count);
        Assert.Contains("100%", (await TitlesAsync("yamada"))[1], StringComparison.Ordinal);
        // 所属長 (中村) hears the same; a further clock-out in the month announces nothing again.
        await ClockAsync(demo, yamada, ClockKind.In, Jst(11, 9, 9));
        await ClockAsync(demo, yamada, ClockKind.Out, Jst(11, 9, 17)); // 8 h, no overtime
        Assert.Equal(2, (await TitlesAsync("yamada")).Count);
        Assert.Equal(await TitlesAsync("yamada"), await TitlesAsync("nakamura"));
        Assert.Empty(await TitlesAsync("yamamoto"));
        var alerts = await demo.As<UrakataDbContext, List<OvertimeAlert>>("admin", db => db.Set<OvertimeAlert>().AsNoTracking().Where(a => a.EmployeeId == yamada.Id).ToListAsync());
        Assert.Equal([AlertLevel.Caution, AlertLevel.Warning, AlertLevel.Reached], alerts.Where(a => a.Limit == OvertimeLimit.Monthly).Select(a => a.Level).Order());

        // Today is Mon 23 Nov (勤労感謝の日). November has 19 work days (30 − 9 weekend days − 3rd and 23rd), 14 of them passed:
        // forecast 2,760 ÷ 14 × 19 = 3,745.7 → 3,746 min = 138.7 % of 2,700.
        var sheet = await SheetAsync(demo, "yamada", "2026-11");
        var o = sheet.Overtime!;
        Assert.Equal((2760, 2760, 2700, 102.2m), (o.OvertimeMinutes, o.WithRestDayWorkMinutes, o.MonthlyLimitMinutes, o.MonthlyPercent));
        Assert.Equal((14, 19, 3746, 138.7m), (o.WorkDaysElapsed, o.WorkDaysInMonth, o.ForecastOvertimeMinutes, o.ForecastPercent));
        Assert.Equal((AlertLevel.Reached, AlertLevel.Reached), (o.Level, o.ForecastLevel));
        var list = await demo.As<AttendanceBook, List<AttendanceSummaryDto>>("yoshida", async b => await b.DepartmentMonthAsync(await demo.DepartmentAsync("211"), "2026-11"));
        Assert.Equal(AlertLevel.Reached, list.Single(r => r.Name == "山田 太郎").Overtime!.Level);
        Assert.Equal(AlertLevel.None, list.Single(r => r.Name == "井上 美穂").Overtime!.Level);

        // The pages render it: HR sees the level, the close button and the forecast; the employee's own 勤務表 the status line.
        var browser = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(browser, "yoshida", UrakataFactory.Password)).StatusCode);
        var page = await browser.GetStringAsync("/people/attendance/list");
        Assert.Contains("上限到達", page, StringComparison.Ordinal);
        Assert.Contains("close-month", page, StringComparison.Ordinal);
        var own = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(own, "yamada", UrakataFactory.Password)).StatusCode);
        var timesheet = await own.GetStringAsync("/people/attendance?month=2026-11");
        Assert.Contains("overtime-status", timesheet, StringComparison.Ordinal);
        Assert.Contains("62:26", timesheet, StringComparison.Ordinal); // the forecast, 3,746 min
    }

    [Fact]
    public async Task Agreement_IsCheckedAgainstArticle36_AndChangesTheLimits()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));
        var staff = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamada"));
        var standard = (await hr.GetFromJsonAsync<OvertimeAgreementInput>("/api/v1/people/attendance/agreement"))!;
        Assert.Equal(new OvertimeAgreementInput(2700, 21600, false, 43200, null, 6, 4), standard);

        var tooMuch = await hr.PutAsJsonAsync("/api/v1/people/attendance/agreement", standard with { MonthlyLimitMinutes = 50 * 60, FirstMonth = 13 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var body = System.Text.RegularExpressions.Regex.Unescape(await tooMuch.Content.ReadAsStringAsync());
        Assert.Contains("monthlyLimitMinutes", body, StringComparison.Ordinal);
        Assert.Contains("firstMonth", body, StringComparison.Ordinal);
        Assert.Contains("45時間", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/v1/people/attendance/agreement", standard)).StatusCode);

        var special = standard with { HasSpecialClause = true, SpecialMonthlyLimitMinutes = 80 * 60, MonthlyLimitMinutes = 30 * 60 };
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync("/api/v1/people/attendance/agreement", special)).StatusCode);
        Assert.Equal(special, await hr.GetFromJsonAsync<OvertimeAgreementInput>("/api/v1/people/attendance/agreement"));
    }
}
