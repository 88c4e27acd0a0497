using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// 人事担当 finds an employee by the reading typed in hiragana, is told at the field that a 3-digit bank code is wrong,
/// saves the pay account with the holder typed in full-width kana (stored as the bank's half-width kana), then reads another
/// employee's マイナンバー after giving a reason.
/// </summary>
public sealed class PeopleJourneyTests(UrakataServerFixture app, ITestOutputHelper output) : IClassFixture<UrakataServerFixture>
{
    [Fact]
    public async Task Hr_finds_an_employee_by_kana_fixes_the_pay_account_and_views_a_my_number_with_a_reason()
    {
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var artifacts = new FailureArtifacts(page, output);
        var step = "sign in";
        try
        {
            await Ui.SignInAsync(page, "yoshida", app.BaseAddress);

            step = "1. search the list by the reading in hiragana";
            await Ui.GotoInteractiveAsync(page, "/people/employees");
            await page.Locator("#employee-search").FillAsync("やまだ");
            await Ui.ExpectTextContainsAsync(page.Locator("#employees-table"), "山田 太郎", "ヤマダ タロウ", "営業一課");
            Assert.True(await Ui.EventuallyAsync(async () => await page.Locator(".employee-row").CountAsync() == 1), "only 山田 should be listed");

            step = "2. open the record";
            await page.Locator("#employees-table a", new() { HasText = "E1013" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/people/employees/[0-9a-f-]{36}$"));
            await Ui.ExpectTextContainsAsync(page.Locator("#page-title"), "E1013", "山田 太郎");

            step = "3. a 3-digit bank code is refused at the field, nothing saved";
            await Ui.FillAsync(page, "#employee-bank", "005");
            await Ui.FillAsync(page, "#employee-account-holder", "ヤマダ　タロウ");
            await page.ClickAsync("#save-employee");
            await Ui.ExpectTextContainsAsync(page.Locator(".mud-input-control", new() { Has = page.Locator("#employee-bank") }), "銀行コードは4桁の数字です。");

            step = "4. the right code saves, the holder is stored as the bank's half-width kana";
            await Ui.FillAsync(page, "#employee-bank", "0005");
            await page.ClickAsync("#save-employee");
            Assert.True(await Ui.EventuallyAsync(async () => await page.Locator("#employee-account-holder").InputValueAsync() == "ﾔﾏﾀﾞ ﾀﾛｳ"),
                "the holder should read ﾔﾏﾀﾞ ﾀﾛｳ after saving");
            await Ui.ExpectTextContainsAsync(page.Locator(".mud-snackbar").First, "保存しました。");

            step = "5. another employee's マイナンバー, after giving a reason";
            await Ui.GotoInteractiveAsync(page, "/people/employees");
            await page.Locator("#employee-search").FillAsync("E1001");
            await Ui.ExpectTextContainsAsync(page.Locator("#employees-table"), "佐藤 健一");
            await page.Locator("#employees-table a", new() { HasText = "E1001" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/people/employees/[0-9a-f-]{36}$"));
            await Ui.ExpectTextContainsAsync(page.Locator("#my-number-panel"), "登録済み");
            Assert.False(await page.Locator("#my-number-value").IsVisibleAsync());
            await Ui.FillAsync(page, "#my-number-reason", "源泉徴収票の作成");
            await page.ClickAsync("#my-number-view");
            // The demo's made-up number: 12345678900 and its check digit 0 (番号法施行令8条).
            await Ui.ExpectTextContainsAsync(page.Locator("#my-number-value"), "1234 5678 9000", "記録されました");
        }
        catch
        {
            await artifacts.CaptureAsync(page, nameof(Hr_finds_an_employee_by_kana_fixes_the_pay_account_and_views_a_my_number_with_a_reason), step);
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
