using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// 経理担当 enters a three-line entry with the keyboard (accounts by code and by reading, amounts typed, the last line
/// pre-filled with the difference), posts it, finds it by its amount, opens the account's general ledger and exports it
/// to Excel.
/// </summary>
public sealed class LedgerJourneyTests(UrakataServerFixture app, ITestOutputHelper output) : IClassFixture<UrakataServerFixture>
{
    [Fact]
    public async Task Three_line_entry_by_keyboard_is_posted_found_by_amount_and_shown_in_the_general_ledger()
    {
        var description = "E2E 備品と打合せ " + Guid.NewGuid().ToString("N")[..4];
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var artifacts = new FailureArtifacts(page, output);
        var step = "sign in";
        try
        {
            await Ui.SignInAsync(page, "kato", app.BaseAddress);

            step = "1. open 仕訳入力 and type the header";
            await Ui.GotoInteractiveAsync(page, "/accounting/journal/new");
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
            await Ui.FillAsync(page, "#entry-date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await Ui.FillAsync(page, "#entry-description", description);

            step = "2. line 1: 6310 消耗品費 by code, ¥33,000 on the debit side";
            await ChooseAccountAsync(page, 0, "6310", "6310 消耗品費");
            await TypeAmountAsync(page, 0, "debit", "33000");
            await Ui.ExpectTextContainsAsync(page.Locator(".entry-line[data-line='0'] .line-tax-preview"), "3,000");

            step = "3. line 2: 会議費 found by its reading in hiragana, ¥5,500 debit";
            await ChooseAccountAsync(page, 1, "かいぎひ", "6260 会議費");
            await TypeAmountAsync(page, 1, "debit", "5500");

            step = "4. line 3: 1130 普通預金, the credit is pre-filled with the difference";
            await ChooseAccountAsync(page, 2, "1130", "1130 普通預金");
            Assert.True(await Ui.EventuallyAsync(async () => await page.Locator(".entry-line[data-line='2'] .line-credit input").InputValueAsync() == "38,500"),
                "line 3 should carry the difference 38,500 on the credit side");
            await Ui.ExpectTextContainsAsync(page.Locator("#balanced"), "貸借一致");

            step = "5. post with the keyboard";
            await page.Locator("#post-entry").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var posted = await Ui.ExpectTextContainsAsync(page.Locator("#last-posted"), "No.");
            var number = Regex.Match(posted, @"No\.(\d+)").Groups[1].Value;
            output.WriteLine($"posted No.{number}");

            step = "6. find it in the journal by amount range";
            await Ui.GotoInteractiveAsync(page, "/accounting/journal");
            await Ui.FillAsync(page, "#search-amount-min", "38,500");
            await Ui.FillAsync(page, "#search-amount-max", "38,500");
            await page.ClickAsync("#search");
            await Ui.ExpectTextContainsAsync(page.Locator($"tr[data-entry='{number}']").First, "消耗品費");
            await Ui.ExpectTextContainsAsync(page.Locator("#journal-table"), description, "仮払消費税等", "3,000", "500", "38,500");

            step = "7. open the entry and the general ledger of 消耗品費";
            await page.Locator($"tr[data-entry='{number}'] .entry-link").ClickAsync();
            await page.WaitForURLAsync(new Regex("/accounting/journal/[0-9a-f-]{36}$"));
            await Ui.ExpectTextContainsAsync(page.Locator("#page-title"), "No." + number);
            await page.Locator("#entry-lines a", new() { HasText = "6310 消耗品費" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/accounting/ledger\\?account=6310"));
            await Ui.ExpectTextContainsAsync(page.Locator("#ledger-table"), description, "30,000", "普通預金");

            step = "8. export the general ledger to Excel";
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#ledger-export-xlsx"));
            var path = Path.Combine(Path.GetTempPath(), "ledger-" + Guid.NewGuid().ToString("N") + ".xlsx");
            await download.SaveAsAsync(path);
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal("日付", rows[0].Values.First());
            Assert.Contains(rows, r => r.Values.Contains(description) && r.Values.Contains(30000d));
        }
        catch
        {
            await artifacts.CaptureAsync(page, nameof(Three_line_entry_by_keyboard_is_posted_found_by_amount_and_shown_in_the_general_ledger), step);
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Types into the account field of line <paramref name="line"/> and accepts the first match with Tab.</summary>
    private static async Task ChooseAccountAsync(IPage page, int line, string typed, string expected)
    {
        var input = page.Locator($".entry-line[data-line='{line}'] .line-account input");
        await input.FocusAsync();
        await input.FillAsync(typed);
        var first = page.Locator(".mud-popover-open .mud-list-item").First;
        Assert.True(await Ui.EventuallyAsync(async () => await first.IsVisibleAsync() && (await first.InnerTextAsync()).Contains(expected, StringComparison.Ordinal)),
            $"the account list does not start with '{expected}' for '{typed}'");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await Ui.EventuallyAsync(async () => await input.InputValueAsync() == expected), $"line {line + 1} should show {expected}");
    }

    private static async Task TypeAmountAsync(IPage page, int line, string side, string amount)
    {
        var input = page.Locator($".entry-line[data-line='{line}'] .line-{side} input");
        await input.FocusAsync();
        await input.FillAsync(amount);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await Ui.EventuallyAsync(async () => (await input.InputValueAsync()).Replace(",", "", StringComparison.Ordinal) == amount),
            $"line {line + 1} {side} should read {amount}");
    }
}
