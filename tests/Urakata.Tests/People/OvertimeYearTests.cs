using System.Net;
using System.Net.Http.Json;
using Urakata.People.Attendance;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;
using static Urakata.Tests.People.AttendanceCorrectionTests;

namespace Urakata.Tests.People;

/// <summary>
/// The 36協定 page's year view (demo company, clock at 23 Nov 2026, default agreement: 45 h = 2,700 min a month, year from
/// April): 山田 works four 22-hour days in October (14 h = 840 min beyond 8 h each: 3,360 min) and one in November (840), October
/// is closed for 営業一課; the alert percents are part of the agreement.
/// </summary>
[Trait("Category", "Database")]
public sealed class OvertimeYearTests(AttendanceFactory factory) : IClassFixture<AttendanceFactory>
{
    [Fact]
    public async Task YearView_ShowsMonthsAveragesTotalsAndLevels_ForADepartment()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var yamada = await EmployeeAsync(demo, "山田 太郎");
        async Task LongDayAsync(int month, int day)
        {
            await ClockAsync(demo, yamada, ClockKind.In, Jst(month, day, 6));
            await ClockAsync(demo, yamada, ClockKind.BreakStart, Jst(month, day, 12));
            await ClockAsync(demo, yamada, ClockKind.BreakEnd, Jst(month, day, 13));
            await ClockAsync(demo, yamada, ClockKind.Out, Jst(month, day + 1, 5));
        }
        foreach (var day in new[] { 5, 7, 9, 13 })
        {
            await LongDayAsync(10, day);
        }
        await LongDayAsync(11, 10);
        var sales1 = await demo.DepartmentAsync("211");
        await demo.As<AttendanceMonthClose, AttendanceCloseDto>("yoshida", c => c.CloseAsync(new CloseMonthBody(sales1, "2026-10")));

        var year = await demo.As<OvertimeYear, OvertimeYearDto>("yoshida", y => y.YearAsync(sales1, null));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), (year.From, year.To));
        var row = year.Rows.Single(r => r.Name == "山田 太郎");
        Assert.Equal(12, row.Months.Count);
        var october = row.Months[6]!;
        // October: 3,360 min (56 h) > 45 h → 上限到達; the highest average ending in October is Sep–Oct: 3,360 ÷ 2 = 1,680.
        Assert.Equal((3360, 3360, 1680, 2, AlertLevel.Reached, true),
            (october.OvertimeMinutes, october.WithRestDayWorkMinutes, october.HighestAverageMinutes, october.HighestAverageMonths, october.Level, october.Closed));
        // November so far: 840 (31 %); Oct–Nov average (3,360 + 840) ÷ 2 = 2,100 = 44 % of 80 h; nothing reached.
        var november = row.Months[7]!;
        Assert.Equal((840, 2100, 2, AlertLevel.None, false),
            (november.OvertimeMinutes, november.HighestAverageMinutes, november.HighestAverageMonths, november.Level, november.Closed));
        Assert.All(row.Months.Skip(8), Assert.Null); // December to March are still to come
        Assert.Equal((4200, 1, AlertLevel.Reached), (row.YearOvertimeMinutes, row.MonthsOverMonthlyLimit, row.Level));
        var inoue = year.Rows.Single(r => r.Name == "井上 美穂");
        Assert.Equal((0, 0, AlertLevel.None), (inoue.YearOvertimeMinutes, inoue.MonthsOverMonthlyLimit, inoue.Level));
        Assert.DoesNotContain(year.Rows, r => r.Name == "木村 誠"); // 営業二課

        // The page: HR reads and edits; the year table shows October's 56:00 (closed: *).
        var browser = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(browser, "yoshida", UrakataFactory.Password)).StatusCode);
        var page = await browser.GetStringAsync("/people/attendance/agreement");
        Assert.Contains("agreement-save", page, StringComparison.Ordinal);
        Assert.Contains("56:00*", page, StringComparison.Ordinal);
        Assert.Contains("山田 太郎", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertPercents_AreCheckedAndKept_AndTheYearNeedsTheReadRight()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));
        var staff = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamada"));
        var standard = (await hr.GetFromJsonAsync<OvertimeAgreementInput>("/api/v1/people/attendance/agreement"))!;
        Assert.Equal((70, 90), (standard.CautionPercent, standard.WarningPercent));

        var reversed = await hr.PutAsJsonAsync("/api/v1/people/attendance/agreement", standard with { CautionPercent = 95, WarningPercent = 90 });
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("cautionPercent", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = standard with { CautionPercent = 60, WarningPercent = 80 };
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync("/api/v1/people/attendance/agreement", changed)).StatusCode);
        Assert.Equal(changed, await hr.GetFromJsonAsync<OvertimeAgreementInput>("/api/v1/people/attendance/agreement"));
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync("/api/v1/people/attendance/agreement", standard)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/attendance/agreement/year")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/api/v1/people/attendance/agreement/year?year=2026")).StatusCode);
    }
}
