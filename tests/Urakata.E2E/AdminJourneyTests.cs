using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// The administrator's first session in the browser: sign in, switch the language back and forth, build a piece of
/// the organisation (department, position, assignment) and find every change in the audit history.
/// </summary>
public sealed class AdminJourneyTests(UrakataServerFixture app, ITestOutputHelper output) : IClassFixture<UrakataServerFixture>
{
    private const string Yamada = "山田 太郎";

    [Fact]
    public async Task Admin_signs_in_switches_language_builds_the_org_and_finds_it_in_the_audit_history()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var deptCode = $"E2E{suffix}";
        var deptName = $"E2E検証室{suffix}";
        var posCode = $"P{suffix}";
        var posName = $"E2E主査{suffix}";

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var artifacts = new FailureArtifacts(page, output);
        var step = "start";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name)
        {
            step = name;
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  {name}");
        }
        try
        {
            Step("1. / redirects an anonymous visitor to the sign-in form");
            await page.GotoAsync("/");
            await page.WaitForURLAsync(new Regex("/account/login"));
            Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);

            Step("1. sign in as admin");
            await page.FillAsync("#username", "admin");
            await page.FillAsync("#password", UrakataServerFixture.DemoPassword);
            await page.ClickAsync("#sign-in");
            await page.WaitForURLAsync(app.BaseAddress.ToString());
            await Ui.ExpectTextAsync(page.Locator("#page-title"), "ようこそ");

            Step("2. switch to English with the language menu");
            await SwitchLanguageAsync(page, "#lang-en");
            await Ui.ExpectTextAsync(page.Locator("#page-title"), "Welcome");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

            Step("2. switch back to Japanese");
            await SwitchLanguageAsync(page, "#lang-ja");
            await Ui.ExpectTextAsync(page.Locator("#page-title"), "ようこそ");

            Step("3. open 組織 (/admin/org)");
            await page.GotoAsync("/admin/org");
            await Ui.ExpectVisibleAsync(page.Locator("#departments-table"), "the departments table");
            // Switching tabs only works once the circuit is live, and it is harmless to repeat: it proves interactivity.
            await Ui.SelectTabAsync(page, "役職");
            await Ui.SelectTabAsync(page, "部署");

            Step("3. create a department on 部署");
            await Ui.FillAsync(page, "#dept-code", deptCode);
            await Ui.FillAsync(page, "#dept-name", deptName);
            await page.ClickAsync("#dept-save");
            await Ui.ExpectTextContainsAsync(page.Locator("#departments-table tr", new() { HasText = deptName }), deptCode, deptName);
            // The form is cleared for the next department.
            Assert.Equal("", await page.Locator("#dept-code").InputValueAsync());

            Step("3. create a position on 役職");
            await Ui.SelectTabAsync(page, "役職");
            await Ui.FillAsync(page, "#pos-code", posCode);
            await Ui.FillAsync(page, "#pos-name", posName);
            await Ui.FillAsync(page, "#pos-rank", "45");
            await page.ClickAsync("#pos-save");
            await Ui.ExpectTextContainsAsync(page.Locator("#positions-table tr", new() { HasText = posName }), posCode, posName, "45");

            Step("3. assign 山田 太郎 to the new department and position on 配属");
            await Ui.SelectTabAsync(page, "配属");
            await Ui.SelectAsync(page, "#asg-user", Yamada);
            await Ui.SelectAsync(page, "#asg-dept", deptName);
            await Ui.SelectAsync(page, "#asg-pos", posName);
            await page.ClickAsync("#asg-save");
            await Ui.ExpectTextContainsAsync(page.Locator("#assignments-table tr", new() { HasText = deptName }), Yamada, deptName, posName);

            Step("4. the changes are in 変更履歴 (/admin/audit)");
            await page.GotoAsync("/admin/audit");
            var rows = page.Locator("#audit-table tr.audit-row");
            var byAdmin = page.Locator("td:nth-child(3)", new() { HasTextRegex = new Regex("^admin$") });
            ILocator RecordType(string name) => page.Locator("td:nth-child(5) a", new() { HasTextRegex = new Regex($"^{name}$") });

            var departmentRow = rows.Filter(new() { Has = RecordType("部署") }).Filter(new() { HasText = deptName }).Filter(new() { Has = byAdmin });
            await Ui.ExpectVisibleAsync(departmentRow, $"an audit row by admin creating the department {deptName}");
            var departmentChanges = await departmentRow.First.Locator(".audit-change").AllInnerTextsAsync();
            Assert.Contains($"名称: ∅ → {deptName}", departmentChanges.Select(c => c.Trim()));
            Assert.Contains($"コード: ∅ → {deptCode}", departmentChanges.Select(c => c.Trim()));
            Assert.Equal("作成", (await departmentRow.First.Locator("td").Nth(5).InnerTextAsync()).Trim());

            var positionRow = rows.Filter(new() { Has = RecordType("役職") }).Filter(new() { HasText = posName }).Filter(new() { Has = byAdmin });
            await Ui.ExpectVisibleAsync(positionRow, $"an audit row by admin creating the position {posName}");

            var assignmentRow = rows.Filter(new() { Has = RecordType("配属") }).Filter(new() { Has = byAdmin });
            await Ui.ExpectVisibleAsync(assignmentRow, "an audit row by admin creating the assignment");
            Assert.Equal("作成", (await assignmentRow.First.Locator("td").Nth(5).InnerTextAsync()).Trim());
            // Ids are shown as the names they point to.
            await Ui.ExpectTextContainsAsync(assignmentRow.First, $"部署: ∅ → {deptName}", $"役職: ∅ → {posName}", $"ユーザー: ∅ → {Yamada}");
            Step("done");
        }
        catch (Exception)
        {
            await artifacts.CaptureAsync(page, nameof(Admin_signs_in_switches_language_builds_the_org_and_finds_it_in_the_audit_history), step);
            throw;
        }
    }

    /// <summary>Opens the app bar's translate menu (retrying until the circuit takes the click) and follows a language item.</summary>
    private static async Task SwitchLanguageAsync(IPage page, string itemSelector)
    {
        var item = page.Locator(itemSelector);
        await Ui.RetryUntilAsync("open the language menu",
            () => page.Locator("#language-menu button").ClickAsync(new() { Timeout = 5_000 }),
            () => item.IsVisibleAsync());
        // The item is a plain link to /account/culture, which sets the cookie and redirects back with a full page load.
        var response = await page.RunAndWaitForResponseAsync(() => item.ClickAsync(),
            r => r.Url.Contains("/account/culture", StringComparison.Ordinal));
        Assert.Equal(302, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
