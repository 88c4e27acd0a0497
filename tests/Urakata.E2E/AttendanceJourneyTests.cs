using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Urakata.Platform.Kernel;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// The month of an employee as issue 5 tells it: 山田 clocks in from the home page, files an 打刻修正申請 for a day of last
/// month that 中村 and 山本 approve (the timesheet shows before, after and approver), asks for a day of paid leave next month
/// that is approved and lowers the balance, clocks out; 吉田 (人事) closes 営業一課's last month and downloads the totals.
/// Runs against the demo (with its clock history) on the real clock: dates are worked out from today.
/// </summary>
public sealed class AttendanceJourneyTests(UrakataServerFixture app, ITestOutputHelper output) : IClassFixture<UrakataServerFixture>
{
    [Fact]
    public async Task Employee_clocks_corrects_and_takes_leave_then_hr_closes_the_month_and_downloads_the_totals()
    {
        var today = JapanTime.Today(TimeProvider.System);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var corrected = lastMonth.AddDays(19); // the 20th of last month
        var leaveDay = FirstWorkDayFrom(new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(9));
        var journey = new Journey(app, output, nameof(Employee_clocks_corrects_and_takes_leave_then_hr_closes_the_month_and_downloads_the_totals));
        async Task<string> FileAsync(IPage page, string kind, Func<Task> fill)
        {
            await Ui.GotoInteractiveAsync(page, "/workflow/new/" + kind);
            await fill();
            await page.ClickAsync("#submit-request");
            await page.WaitForURLAsync(new Regex("/workflow/requests/[0-9a-f-]{36}$"));
            return new Uri(page.Url).AbsolutePath;
        }
        async Task ApproveByLineAsync(IPage nakamura, IPage yamamoto, string path)
        {
            await Ui.GotoInteractiveAsync(nakamura, path);
            await Ui.ApproveAsync(nakamura, "所属長", null);
            await Ui.GotoInteractiveAsync(yamamoto, path);
            await Ui.ApproveAsync(yamamoto, "部門長", "確認しました。");
        }

        try
        {
            journey.Step("1. 山田 clocks in with one click on the home page");
            var yamada = await journey.SignInAsync("yamada");
            await Ui.GotoInteractiveAsync(yamada, "/");
            await Ui.ExpectTextContainsAsync(yamada.Locator("#clock-status"), "未出勤");
            var clockedIn = DateTime.UtcNow;
            await yamada.ClickAsync("#clock-in");
            await Ui.ExpectTextContainsAsync(yamada.Locator("#clock-status"), "出勤中");

            journey.Step("2. 山田 files an 打刻修正申請 for the 20th of last month");
            var correction = await FileAsync(yamada, "people.attendance.correction", async () =>
            {
                await Ui.FillAsync(yamada, "#field-title", "打刻修正 " + Iso(corrected));
                await Ui.FillAsync(yamada, "#field-work_date", Iso(corrected));
                await Ui.FillAsync(yamada, "#field-clock_in", "9:00");
                await Ui.FillAsync(yamada, "#field-clock_out", "18:30");
                await Ui.FillAsync(yamada, "#field-break_start", "12:00");
                await Ui.FillAsync(yamada, "#field-break_end", "13:00");
                await Ui.FillAsync(yamada, "#field-reason", "退勤の打刻を忘れたため");
            });
            var correctionNumber = (await yamada.Locator("#request-number").InnerTextAsync()).Trim();
            Assert.StartsWith("AT-", correctionNumber, StringComparison.Ordinal);

            journey.Step("3. 中村 and 山本 approve it; the timesheet shows before, after and who approved");
            var nakamura = await journey.SignInAsync("nakamura");
            var yamamoto = await journey.SignInAsync("yamamoto");
            await ApproveByLineAsync(nakamura, yamamoto, correction);
            await Ui.GotoInteractiveAsync(yamada, "/people/attendance?month=" + lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            await Ui.ExpectTextContainsAsync(yamada.Locator($"tr[data-date='{Iso(corrected)}'] .attendance-correction"), correctionNumber, "18:30", "山本 大輔");

            journey.Step("4. 山田 asks for a day of paid leave next month; approved, the balance drops by a day");
            await Ui.GotoInteractiveAsync(yamada, "/people/leave");
            var before = Days(await yamada.Locator("#leave-remaining").InnerTextAsync());
            var leave = await FileAsync(yamada, "people.leave", async () =>
            {
                await Ui.FillAsync(yamada, "#field-title", "年次有給休暇 " + Iso(leaveDay));
                await Ui.SelectAsync(yamada, "#field-leave_type", "年次有給休暇");
                await Ui.FillAsync(yamada, "#field-from", Iso(leaveDay));
                await Ui.FillAsync(yamada, "#field-to", Iso(leaveDay));
                await Ui.SelectAsync(yamada, "#field-unit", "全日");
                await Ui.FillAsync(yamada, "#field-reason", "私用のため");
            });
            await ApproveByLineAsync(nakamura, yamamoto, leave);
            await Ui.GotoInteractiveAsync(yamada, "/people/leave");
            Assert.True(await Ui.EventuallyAsync(async () => Days(await yamada.Locator("#leave-remaining").InnerTextAsync()) == before - 1),
                $"the balance should drop from {before} by one day");

            journey.Step("5. 山田 clocks out (at least a minute after clocking in)");
            var wait = clockedIn.AddSeconds(61) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            await Ui.GotoInteractiveAsync(yamada, "/");
            await yamada.ClickAsync("#clock-out");
            await Ui.ExpectTextContainsAsync(yamada.Locator("#clock-status"), "未出勤");

            journey.Step("6. 吉田 (人事) closes 営業一課's last month and downloads the totals");
            var yoshida = await journey.SignInAsync("yoshida");
            await Ui.GotoInteractiveAsync(yoshida, "/people/attendance/list");
            await Ui.FillAsync(yoshida, "#attendance-month", lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            await Ui.SelectAsync(yoshida, "#attendance-department", "営業一課");
            await yoshida.ClickAsync("#attendance-show");
            await Ui.ExpectTextContainsAsync(yoshida.Locator("#attendance-table"), "山田 太郎", "井上 美穂");
            await yoshida.ClickAsync("#close-month");
            await yoshida.Locator(".mud-dialog button", new() { HasText = "締める" }).ClickAsync();
            await Ui.ExpectTextContainsAsync(yoshida.Locator("#close-state"), "締め済み", "吉田 真理");
            var excel = yoshida.Locator(".mud-popover-open").GetByText("Excel (.xlsx)");
            await Ui.RetryUntilAsync("open the totals menu", () => yoshida.ClickAsync("#totals-export button", new() { Timeout = 3_000 }),
                () => excel.IsVisibleAsync());
            var download = await yoshida.RunAndWaitForDownloadAsync(() => excel.ClickAsync());
            var file = Path.Combine(Path.GetTempPath(), "totals-" + Guid.NewGuid().ToString("N") + ".xlsx");
            await download.SaveAsAsync(file);
            var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            var header = rows[0];
            string Column(string title) => header.Single(c => Equals(c.Value, title)).Key;
            var yamadaRow = rows.Single(r => r.Values.Contains("山田 太郎"));
            // The demo's history has 山田 at work every scheduled day of last month (the correction may add a day off worked).
            var scheduled = Convert.ToInt32(yamadaRow[Column("所定労働日数")], CultureInfo.InvariantCulture);
            Assert.True(scheduled >= 15, $"last month should have a normal number of work days, not {scheduled}");
            Assert.True(Convert.ToInt32(yamadaRow[Column("出勤日数")], CultureInfo.InvariantCulture) >= scheduled);
            Assert.Equal(0, Convert.ToInt32(yamadaRow[Column("欠勤日数")], CultureInfo.InvariantCulture));
        }
        catch (Exception)
        {
            await journey.CaptureAsync();
            throw;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The whole days of a balance as shown (「20日」, 「19日4時間」 → 20, 19).</summary>
    private static int Days(string shown) => int.Parse(Regex.Match(shown, @"\d+").Value, CultureInfo.InvariantCulture);

    /// <summary>The first weekday on or after <paramref name="date"/> that is not a national holiday (the demo's work rule: Saturday, Sunday and holidays off).</summary>
    private static DateOnly FirstWorkDayFrom(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || JapaneseHolidays.IsHoliday(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }
}
