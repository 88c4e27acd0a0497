using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// A 稟議 from filing to the PDF: a member files ¥1,200,000, the amount rule routes it to 課長, 部長 and 役員, the
/// 部長 sends it back, the applicant lowers the amount and resubmits, everyone approves, and the 稟議書 PDF
/// downloads with the approval stamps.
/// </summary>
public sealed class ApprovalJourneyTests(UrakataServerFixture app, ITestOutputHelper output) : IClassFixture<UrakataServerFixture>
{
    [Fact]
    public async Task Ringi_is_routed_by_amount_sent_back_resubmitted_approved_and_printed_with_stamps()
    {
        var title = "E2E 展示会ブース出展 " + Guid.NewGuid().ToString("N")[..4];
        var journey = new Journey(app, output, nameof(Ringi_is_routed_by_amount_sent_back_resubmitted_approved_and_printed_with_stamps));
        try
        {
            journey.Step("1. 山田 (営業一課) files a 稟議 for ¥1,200,000");
            var yamada = await journey.SignInAsync("yamada");
            await Ui.GotoInteractiveAsync(yamada, "/workflow/new/ringi");
            await Ui.FillAsync(yamada, "#field-title", title);
            await Ui.FillAsync(yamada, "#field-purpose", "新製品の展示会に出展し、見込み顧客を獲得する。");
            await Ui.FillAsync(yamada, "#field-amount", "1,200,000");
            await Ui.ExpectTextContainsAsync(yamada.Locator("[data-field=amount]"), "¥1,200,000");
            await yamada.ClickAsync("#submit-request");
            await yamada.WaitForURLAsync(new Regex("/workflow/requests/[0-9a-f-]{36}$"));
            var requestPath = new Uri(yamada.Url).AbsolutePath;
            var number = (await yamada.Locator("#request-number").InnerTextAsync()).Trim();
            Assert.Matches(@"^RG-\d{4}-\d{6}$", number);

            journey.Step("2. the amount rule routes it to 課長, 部長 and 役員");
            await Ui.ExpectTextContainsAsync(yamada.Locator("[data-step=所属長]"), "中村 翔", "承認待ち");
            await Ui.ExpectTextContainsAsync(yamada.Locator("[data-step=部門長]"), "山本 大輔");
            await Ui.ExpectTextContainsAsync(yamada.Locator("[data-step=役員決裁]"), "渡辺 健");

            journey.Step("3. 中村 課長 finds it in the inbox (with the count in the menu) and approves");
            var nakamura = await journey.SignInAsync("nakamura");
            await Ui.GotoInteractiveAsync(nakamura, "/workflow");
            await Ui.ExpectVisibleAsync(nakamura.Locator("[data-badge='workflow.waiting']"), "the waiting count in the menu");
            await nakamura.Locator("#inbox-table a.request-link", new() { HasText = number }).ClickAsync();
            await nakamura.WaitForURLAsync(new Regex(Regex.Escape(requestPath) + "$"));
            await Ui.ApproveAsync(nakamura, "所属長", "妥当と考えます。");

            journey.Step("4. 山本 部長 sends it back to the applicant with a comment");
            var yamamoto = await journey.SignInAsync("yamamoto");
            await Ui.GotoInteractiveAsync(yamamoto, requestPath);
            await Ui.FillAsync(yamamoto, "#action-comment", "出展費用の内訳を見直してください。");
            await Ui.RetryUntilAsync("send back", () => yamamoto.ClickAsync("#send-back", new() { Timeout = 3_000 }),
                async () => (await yamamoto.Locator("#request-status").InnerTextAsync()).Trim() == "差し戻し中");

            journey.Step("5. 山田 lowers the amount to ¥1,100,000 and resubmits");
            await Ui.GotoInteractiveAsync(yamada, requestPath);
            await Ui.ExpectTextContainsAsync(yamada.Locator("#history"), "差し戻し", "出展費用の内訳を見直してください。");
            await yamada.ClickAsync("#edit");
            await yamada.WaitForURLAsync(new Regex("/edit$"));
            await Ui.GotoInteractiveAsync(yamada, requestPath + "/edit");
            await Ui.FillAsync(yamada, "#field-amount", "1100000");
            await yamada.ClickAsync("#submit-request");
            await yamada.WaitForURLAsync(new Regex(Regex.Escape(requestPath) + "$"));
            await Ui.ExpectTextAsync(yamada.Locator("#request-status"), "承認中");
            Assert.Equal(number, (await yamada.Locator("#request-number").InnerTextAsync()).Trim());

            journey.Step("6. round 2: 中村 approves again, 山本 sees what changed and approves, 渡辺 decides");
            await Ui.GotoInteractiveAsync(nakamura, requestPath);
            await Ui.ApproveAsync(nakamura, "所属長", null);
            await Ui.GotoInteractiveAsync(yamamoto, requestPath);
            await Ui.ExpectTextContainsAsync(yamamoto.Locator("[data-field=amount]"), "¥1,100,000", "¥1,200,000");
            await Ui.ApproveAsync(yamamoto, "部門長", "見直し後の金額で承認します。");
            var watanabe = await journey.SignInAsync("watanabe");
            await Ui.GotoInteractiveAsync(watanabe, requestPath);
            await Ui.ApproveAsync(watanabe, "役員決裁", null);
            await Ui.ExpectTextAsync(watanabe.Locator("#request-status"), "承認済み");

            journey.Step("7. 山田 downloads the 稟議書 PDF with the stamps");
            await Ui.GotoInteractiveAsync(yamada, requestPath);
            var download = await yamada.RunAndWaitForDownloadAsync(() => yamada.ClickAsync("#download-pdf"));
            Assert.Equal($"{number}.pdf", download.SuggestedFilename);
            Directory.CreateDirectory(FailureArtifacts.Folder);
            var pdfPath = Path.Combine(FailureArtifacts.Folder, $"e2e-{number}.pdf");
            await download.SaveAsAsync(pdfPath);
            var text = Poppler.Text(pdfPath, "-layout");
            foreach (var expected in new[] { "稟議書", number, title, "¥1,100,000", "中村 翔", "山本 大輔", "渡辺 健", "見直し後の金額で承認します。" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
            // Page 1 as an image for the test report: three approvers' stamps and the applicant's.
            var png = Poppler.PageOneToPng(pdfPath, Path.Combine(FailureArtifacts.Folder, $"e2e-{number}"));
            output.WriteLine($"PDF: {pdfPath}  page 1: {png}");
            Assert.Equal(4, Poppler.RedStamps(png));
            journey.Step("done");
        }
        catch (Exception)
        {
            await journey.CaptureAsync();
            throw;
        }
    }
}
