using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SkiaSharp;
using Urakata.Platform.Pdf;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

/// <summary>
/// Renders real PDFs and reads them back with poppler (pdftotext, pdffonts, pdfinfo, pdftoppm from
/// poppler-utils, which test.sh installs): what a user searching, copying or printing the PDF would get.
/// </summary>
public sealed class PdfTests : IDisposable
{
    private const double StampRowMm = 63;
    private static readonly DateTime CreatedAt = new(2026, 11, 24, 0, 30, 0, DateTimeKind.Utc);
    private static readonly double[] StampCentresMm = [150, 168, 186];

    private readonly string _folder = Directory.CreateTempSubdirectory("urakata-pdf-").FullName;

    [Fact]
    public void Ringi_TextExtractsExactly_WithoutKangxiRadicals()
    {
        var text = Poppler.Text(Write("ringi.pdf", SampleRingi()), "-layout");

        foreach (var expected in new[]
        {
            "稟議書", "R-2026-000123", "2026/11/24", "山田", "太郎", "経理部", "会計システム更新の件", "¥1,200,000",
            "月次決算", "日付", "金額", "¥800,000", "¥400,000", "合計",
            "佐藤", "鈴木", "高橋", "26.11.24", "26.11.25", "2026.11.26", "部長", "課長",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // 日 and ⽇ (U+2F47) share a glyph in IPAex; without the text in the glyph run poppler picks the radical.
        var radicals = text.EnumerateRunes().Where(r => r.Value is >= 0x2E80 and <= 0x2FDF).ToList();
        Assert.Empty(radicals);
    }

    [Fact]
    public void Text_WithARadicalBesideItsIdeograph_ExtractsEachAsWritten()
    {
        // Both code points are in the subset's cmap, on one glyph, so the font's ToUnicode can name only
        // one of them; the text carried in the glyph run (/ActualText) tells them apart.
        var pdf = new PdfDocumentBuilder("t", CreatedAt);
        pdf.AddPage().DrawText(20, 20, "⽇本の日本 ⾦と金");

        Assert.Equal("⽇本の日本 ⾦と金", Poppler.Text(Write("both.pdf", pdf.Build())).Trim());
    }

    [Fact]
    public void Ringi_OnePage_IsUnder200KB_WithTheFontSubsetEmbedded()
    {
        var bytes = SampleRingi();
        var path = Write("ringi.pdf", bytes);

        Assert.True(bytes.Length < 200 * 1024, $"The one-page 稟議書 is {bytes.Length:N0} bytes.");
        var fonts = Poppler.Run("pdffonts", path).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        var font = Assert.Single(fonts); // bold and stamps are strokes over the same font, not Type 3 copies
        Assert.Matches(@"^[A-Z]{6}\+IPAexGothic\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", font);
    }

    [Fact]
    public void Ringi_Metadata_ComesFromTheBuilder_AndOutputIsDeterministic()
    {
        var first = SampleRingi();
        var info = Poppler.Run("pdfinfo", "-isodates", Write("ringi.pdf", first));

        Assert.Equal(first, SampleRingi());
        Assert.Contains("Title:           稟議書 R-2026-000123", info, StringComparison.Ordinal);
        Assert.Contains("Author:          Urakata", info, StringComparison.Ordinal);
        Assert.Contains("CreationDate:    2026-11-24T00:30:00Z", info, StringComparison.Ordinal);
        Assert.Contains("Pages:           1", info, StringComparison.Ordinal);
        Assert.Matches(@"Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)", info);
    }

    [Fact]
    public void LocalCreationTime_IsWrittenAsUtc_WhateverTheServerTimeZone()
    {
        // SkiaSharp on its own labels dates with the server's zone; run with TZ=Asia/Tokyo to see it matter.
        var local = new DateTime(2026, 11, 24, 23, 45, 0, DateTimeKind.Local);
        var pdf = new PdfDocumentBuilder("t", local);
        pdf.AddPage().DrawText(20, 20, "日付");

        var info = Poppler.Run("pdfinfo", "-isodates", Write("local.pdf", pdf.Build()));

        var expected = local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Contains($"CreationDate:    {expected}", info, StringComparison.Ordinal);
        Assert.Contains($"ModDate:         {expected}", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Ringi_RendersToPng_WithThreeRedStamps()
    {
        var path = Write("ringi.pdf", SampleRingi());
        Poppler.Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, Path.Combine(_folder, "ringi"));

        using var image = SKBitmap.Decode(Path.Combine(_folder, "ringi.png"));
        Assert.Equal(496, image.Width); // A4 at 60 dpi
        foreach (var x in StampCentresMm)
        {
            Assert.True(Poppler.RedPixels(image, x, StampRowMm, 16) > 200, $"No red 日付印 around x = {x} mm.");
        }

        Assert.Equal(0, Poppler.RedPixels(image, 105, 20, 16)); // the title is black
    }

    [Fact]
    public void LongTable_ContinuesOnNewPages_UnderARepeatedHeader()
    {
        var pdf = new PdfDocumentBuilder("明細", CreatedAt);
        var page = pdf.AddPage();
        page.DrawText(15, 15, "支払明細", PdfTextStyle.Default with { SizePt = 16, Bold = true });
        var table = ItemTable();
        for (var i = 1; i <= 90; i++)
        {
            table.AddRow(string.Create(CultureInfo.InvariantCulture, $"明細行{i:000}"), "1", "¥1,000", "¥1,000");
        }

        table.AddRow(new PdfTableRow(["合計", "", "", "¥90,000"]) { Bold = true });

        var end = page.DrawTable(15, 30, table);
        var path = Write("table.pdf", pdf.Build());

        Assert.Equal(3, pdf.Pages.Count);
        Assert.Same(pdf.Pages[^1], end.Page);
        Assert.InRange(end.YMm, 15, PdfPageSetup.A4.ContentBottomMm);
        var seen = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var text = Poppler.Text(path, "-layout", "-f", p.ToString(CultureInfo.InvariantCulture), "-l", p.ToString(CultureInfo.InvariantCulture));
            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            Assert.Matches(@"^品目\s+数量\s+単価\s+金額$", lines[p == 1 ? 1 : 0]);
            Assert.Single(lines, l => l.StartsWith("品目", StringComparison.Ordinal));
            seen.AddRange(lines.Where(l => l.StartsWith("明細行", StringComparison.Ordinal)).Select(l => l[..6]));
        }

        Assert.Equal(Enumerable.Range(1, 90).Select(i => string.Create(CultureInfo.InvariantCulture, $"明細行{i:000}")), seen);
        Assert.Contains("¥90,000", Poppler.Text(path, "-f", "3", "-l", "3"), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_HeaderIsNotLeftAloneAtThePageFoot()
    {
        var pdf = new PdfDocumentBuilder("明細", CreatedAt);
        var table = ItemTable().AddRow("サーバー", "1", "¥800,000", "¥800,000");

        var end = pdf.AddPage().DrawTable(15, 275, table);

        Assert.Equal(2, end.Page.Number);
        Assert.Empty(pdf.Pages[0].Operations);
    }

    [Fact]
    public void TextBox_Wraps_AndReportsItsHeight()
    {
        var pdf = new PdfDocumentBuilder("t", CreatedAt);
        var style = PdfTextStyle.Default;
        var oneLine = pdf.AddPage().DrawTextBox(15, 15, 180, "短い一行。", style);
        var threeLines = pdf.Pages[0].DrawTextBox(15, 30, 40, "老朽化した会計システムを更新し、月次決算を三日短縮します。", style);

        Assert.Equal(style.LineHeightMm, oneLine, 6);
        Assert.Equal(3 * style.LineHeightMm, threeLines, 6);
        Assert.Equal(6 * 10.5 * 25.4 / 72, pdf.MeasureTextMm("会計システム"), 3); // full-width: one em each
    }

    [Fact]
    public void LineBreaker_KeepsPunctuationOffTheLineStart_AndOpeningBracketsOffTheLineEnd()
    {
        // Five ideographic ems per line: 。 and 」 may not start a line, 「 may not end one.
        Assert.Equal(["あいうえ", "お。かきく", "けこ"], Lines("あいうえお。かきくけこ", 5));
        Assert.Equal(["請求書", "「見積」"], Lines("請求書「見積」", 4));
        Assert.Equal(["ABC", "", "　字下げ"], Lines("ABC\n\n　字下げ", 10));
    }

    [Fact]
    public void LineBreaker_BreaksLatinAtSpaces_AndCutsAWordOnlyWhenItAloneIsTooWide()
    {
        var font = JapaneseFont.Gothic;
        var width = font.Shape("Total amount").Advance + 0.01;

        Assert.Equal(["Total amount", "due 合計"], Lines("Total amount due 合計", width));
        var cut = Lines("ABCDEFGHIJKLMNOP", 3);
        Assert.True(cut.Count > 1);
        Assert.Equal("ABCDEFGHIJKLMNOP", string.Concat(cut));
    }

    [Fact]
    public void Subset_OfTheBundledFont_KeepsGlyphIds_AndOnlyTheUsedOutlines()
    {
        var font = JapaneseFont.Gothic;
        Assert.True(font.TryGetGlyph('日', out var sun));
        Assert.True(font.TryGetGlyph('月', out var moon));

        var subset = TrueTypeSubsetter.Subset(font.Data, [sun], new Dictionary<int, ushort> { ['日'] = sun });
        using var data = SKData.CreateCopy(subset);
        using var typeface = SKTypeface.FromData(data);
        using var skFont = new SKFont(typeface, 100);

        Assert.True(subset.Length < 200 * 1024, $"{subset.Length:N0} bytes");
        Assert.Equal(0xB1B0AFBAu, SumOfWords(subset)); // checkSumAdjustment makes the whole font sum to the magic
        Assert.Equal(sun, skFont.GetGlyphs("日")[0]);
        Assert.Equal(0, skFont.GetGlyphs("⽇")[0]); // the radical is not mapped: ToUnicode can only say 日
        using var sunPath = skFont.GetGlyphPath(sun);
        using var moonPath = skFont.GetGlyphPath(moon);
        Assert.False(sunPath.IsEmpty);
        Assert.True(moonPath.IsEmpty);
    }

    [Fact]
    public void Subset_KeepsTheComponentsOfCompositeGlyphs()
    {
        // Glyph 2 is a composite of glyph 1; glyph 3 is unused. The loca table is short-format.
        var font = SyntheticFont(
            [Simple(), Simple(), Composite(component: 1), Simple()]);

        var subset = TrueTypeSubsetter.Subset(font, [2], new Dictionary<int, ushort> { ['A'] = 2 });
        var tables = Tables(subset);
        var loca = subset.AsSpan(tables["loca"].Offset, tables["loca"].Length).ToArray();
        int Length(int g) => (int)(BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * (g + 1))) - BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * g)));

        Assert.Equal([12, 12, 16, 0], Enumerable.Range(0, 4).Select(Length));
        Assert.Equal(1, BinaryPrimitives.ReadInt16BigEndian(subset.AsSpan(tables["head"].Offset + 50))); // long loca now
        Assert.Equal(0x00030000u, BinaryPrimitives.ReadUInt32BigEndian(subset.AsSpan(tables["post"].Offset)));
        Assert.Equal(0xB1B0AFBAu, SumOfWords(subset));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a viewer still has a file open; the temp folder is cleaned by the OS
        }
    }

    /// <summary>A 稟議書 page as the Workflow module will print it: header, 承認欄 with three 日付印, body, items.</summary>
    private static byte[] SampleRingi()
    {
        var pdf = new PdfDocumentBuilder("稟議書 R-2026-000123", CreatedAt) { Subject = "R-2026-000123" };
        var page = pdf.AddPage();
        var label = PdfTextStyle.Default with { SizePt = 9, Color = PdfColor.Gray };

        page.DrawText(105, 15, "稟議書", PdfTextStyle.Default with { SizePt = 22, Bold = true }, PdfTextAlign.Center);
        page.DrawText(195, 30, "申請番号 R-2026-000123", label, PdfTextAlign.Right);
        page.DrawText(195, 35, "申請日 2026/11/24", label, PdfTextAlign.Right);
        page.DrawText(15, 30, "申請者　山田 太郎（経理部）");
        page.DrawText(15, 37, "件名　　会計システム更新の件");
        page.DrawText(15, 44, "金額　　¥1,200,000", PdfTextStyle.Default with { SizePt = 12, Bold = true });

        // 承認欄: a label column and three 20 mm boxes holding 日付印.
        page.FillRectangle(132, 48, 9, 24, PdfColor.LightGray);
        page.StrokeRectangle(132, 48, 63, 24);
        page.DrawTextBox(132, 57.5, 9, "承認", PdfTextStyle.Default with { SizePt = 9 }, PdfTextAlign.Center);
        string[] titles = ["部長", "課長", "担当"];
        for (var i = 0; i < 3; i++)
        {
            var x = 141 + (18 * i);
            page.StrokeRectangle(x, 48, 18, 24);
            page.DrawLine(x, 54, x + 18, 54);
            page.DrawTextBox(x, 48.5, 18, titles[i], PdfTextStyle.Default with { SizePt = 9 }, PdfTextAlign.Center);
        }

        page.DrawDateStamp(StampCentresMm[0], StampRowMm, 15, "佐藤", new DateOnly(2026, 11, 24), "部長");
        page.DrawDateStamp(StampCentresMm[1], StampRowMm, 15, "鈴木", new DateOnly(2026, 11, 25), "課長");
        page.DrawDateStamp(StampCentresMm[2], StampRowMm, 15, "高橋", new DateOnly(2026, 11, 26), "経理部", PdfStampYear.FourDigits);

        page.DrawText(15, 78, "稟議内容", PdfTextStyle.Default with { Bold = true });
        var body = page.DrawTextBox(15, 84, 180,
            "老朽化した会計システムを更新し、月次決算の締め作業を三営業日短縮します。" +
            "インボイス制度（適格請求書等保存方式）と電子帳簿保存法への対応を含みます。" +
            "導入日付は2027年4月1日、保守契約は3年間です。");

        var table = ItemTable()
            .AddRow("サーバー更新（本番・検証）", "1", "¥800,000", "¥800,000")
            .AddRow("会計ソフト ライセンス（3年分）", "4", "¥100,000", "¥400,000")
            .AddRow(new PdfTableRow(["合計", "", "", "¥1,200,000"]) { Bold = true, Fill = PdfColor.LightGray });
        var end = page.DrawTable(15, 90 + body, table);

        page.DrawText(15, end.YMm + 4, "※ 金額は税抜です。", label);
        return pdf.Build();
    }

    private static PdfTable ItemTable() => new(
        new PdfTableColumn("品目", 95),
        new PdfTableColumn("数量", 20, PdfTextAlign.Right),
        new PdfTableColumn("単価", 32, PdfTextAlign.Right),
        new PdfTableColumn("金額", 33, PdfTextAlign.Right));

    private static List<string> Lines(string text, double widthEm) =>
        LineBreaker.Wrap(JapaneseFont.Gothic, text, widthEm).Select(l => Encoding.UTF8.GetString(l.Utf8)).ToList();

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static uint SumOfWords(byte[] font)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= font.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(i)));
        }

        return sum;
    }

    private static Dictionary<string, (int Offset, int Length)> Tables(byte[] font)
    {
        var tables = new Dictionary<string, (int, int)>();
        for (var i = 0; i < BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4)); i++)
        {
            var record = font.AsSpan(12 + (16 * i));
            tables[Encoding.ASCII.GetString(record[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        return tables;
    }

    // A simple glyph: one contour header and a little outline data; the subsetter only copies it.
    private static byte[] Simple() => [0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0];

    // A composite glyph with one component (flags ARGS_ARE_XY_VALUES, byte offsets 0, 0).
    private static byte[] Composite(ushort component) =>
        [0xFF, 0xFF, 0, 0, 0, 0, 0, 10, 0, 10, 0, 0x02, (byte)(component >> 8), (byte)component, 0, 0];

    private static byte[] SyntheticFont(byte[][] glyphs)
    {
        var glyf = glyphs.SelectMany(g => g).ToArray();
        var loca = new byte[2 * (glyphs.Length + 1)];
        var at = 0;
        for (var g = 0; g <= glyphs.Length; g++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(loca.AsSpan(2 * g), (ushort)(at / 2));
            at += g < glyphs.Length ? glyphs[g].Length : 0;
        }

        var head = new byte[54];
        BinaryPrimitives.WriteUInt32BigEndian(head, 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(12), 0x5F0F3CF5);
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(18), 1000);
        var maxp = new byte[6];
        BinaryPrimitives.WriteUInt32BigEndian(maxp, 0x00005000);
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)glyphs.Length);
        var hhea = new byte[36];
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)glyphs.Length);
        var hmtx = Enumerable.Repeat<byte[]>([0x03, 0xE8, 0, 50], glyphs.Length).SelectMany(m => m).ToArray();
        var post = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00020000);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf, ["head"] = head, ["hhea"] = hhea, ["hmtx"] = hmtx, ["loca"] = loca, ["maxp"] = maxp, ["post"] = post,
        };
        var directory = 12 + (16 * tables.Count);
        var font = new byte[directory + tables.Values.Sum(t => (t.Length + 3) & ~3)];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)tables.Count);
        var offset = directory;
        var index = 0;
        foreach (var (tag, data) in tables)
        {
            var record = font.AsSpan(12 + (16 * index++));
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(font, offset);
            offset += (data.Length + 3) & ~3;
        }

        return font;
    }
}
