using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Pdf;
using static Urakata.Tests.Workflow.WorkflowDemo;

namespace Urakata.Tests.Workflow;

/// <summary>The approved 稟議書 as a real PDF, read back with poppler: names, amounts, dates and one red 日付印 per approval.</summary>
[Trait("Category", "Database")]
public sealed class ApprovalPdfTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task ApprovedRingi_PrintsTheContentTheRouteAndAStampPerApproval()
    {
        var demo = await SeedAsync(factory);
        var r = await demo.RingiAsync("yamada", "会計システム更新の件", 1_200_000);
        await Assert.ThrowsAsync<ConflictException>(() => demo.As<ApprovalPdfs, (byte[], string)>("yamada", p => p.RenderAsync(r.Id)));

        await demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, "妥当です"));
        // 部長 山本 is away: 松本 approves for him (代理承認), the stamp says so.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var matsumoto = await demo.UserAsync("matsumoto");
        await demo.As<ProxyApprovalService, ProxyApprovalDto>("yamamoto", d => d.CreateAsync(new ProxyApprovalInput(matsumoto, today, today)));
        await demo.Requests("matsumoto", s => s.ApproveAsync(r.Id, null, null));
        await demo.Requests("watanabe", s => s.ApproveAsync(r.Id, null, "承認します"));

        var (pdf, fileName) = await demo.As<ApprovalPdfs, (byte[], string)>("yamada", p => p.RenderAsync(r.Id));
        Assert.Equal($"{r.Number}.pdf", fileName);
        Assert.True(pdf.Length < 200 * 1024, $"{pdf.Length:N0} bytes");
        var folder = Directory.CreateTempSubdirectory("urakata-ringi-").FullName;
        var path = Path.Combine(folder, fileName);
        await File.WriteAllBytesAsync(path, pdf);

        var text = Poppler.Text(path, "-layout");
        var stampDate = today.ToString("yy.MM.dd", CultureInfo.InvariantCulture);
        foreach (var expected in new[] { "稟議書", r.Number!, "山田 太郎", "会計システム更新の件", "¥1,200,000", "業務のため", "所属長", "部門長", "役員決裁",
            "中村 翔", "山本 大輔（代理: 松本 さくら）", "渡辺 健", "妥当です", "承認します", today.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), stampDate, "代理" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        // Surnames on the stamps: 渡辺 (役員), 松本 for 山本 (代理), 中村 (課長), 山田 (申請者).
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(text, System.Text.RegularExpressions.Regex.Escape(stampDate)));

        var png = Poppler.PageOneToPng(path, Path.Combine(folder, "page1"));
        Assert.Equal(4, Poppler.RedStamps(png));
        using var image = SKBitmap.Decode(png);
        foreach (var x in new[] { 125.0, 145, 165, 185 })
        {
            Assert.True(Poppler.RedPixels(image, x, 63.5, 16) > 150, $"No red 日付印 around x = {x} mm");
        }
        Assert.Equal(0, Poppler.RedPixels(image, 105, 14, 12)); // the title is black
    }
}
