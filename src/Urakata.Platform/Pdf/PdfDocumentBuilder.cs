using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Urakata.Platform.Pdf;

/// <summary>
/// Builds a PDF with Japanese text: add pages, draw on them in mm (<see cref="PdfPageCanvas"/>), then
/// <see cref="Build"/>. Text is shaped with HarfBuzz and written with its Unicode text, so search and
/// copy (and pdftotext) give back exactly what was drawn; the bundled IPAex Gothic is embedded as a
/// subset of the glyphs used, so a one-page document stays well under 200 KB.
/// </summary>
/// <remarks>
/// Not thread-safe: one builder per document. The output depends only on what was drawn and the
/// metadata passed in (no clock), so the same input gives the same bytes.
/// </remarks>
/// <example>
/// <code>
/// var pdf = new PdfDocumentBuilder("稟議書 R-2026-000123", createdAtUtc);
/// var page = pdf.AddPage();
/// page.DrawText(105, 20, "稟議書", PdfTextStyle.Default with { SizePt = 20, Bold = true }, PdfTextAlign.Center);
/// byte[] bytes = pdf.Build();
/// </code>
/// </example>
public sealed class PdfDocumentBuilder
{
    private readonly List<PdfPageCanvas> pages = [];
    private readonly HashSet<ushort> usedGlyphs = [];
    private readonly Dictionary<int, ushort> characterMap = [];

    /// <param name="title">The document title (shown by PDF viewers instead of the file name).</param>
    /// <param name="createdAt">
    /// The creation and modification date, in UTC (an Unspecified kind is taken as UTC). Pass the
    /// business time (submitted, approved), not the clock.
    /// </param>
    /// <param name="pageSetup">Size and margins of every page; A4 portrait by default.</param>
    public PdfDocumentBuilder(string title, DateTime createdAt, PdfPageSetup? pageSetup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        CreatedAt = createdAt;
        PageSetup = pageSetup ?? PdfPageSetup.A4;
    }

    public string Title { get; }

    public DateTime CreatedAt { get; }

    /// <summary>The document's author in its metadata.</summary>
    public string Author { get; init; } = "Urakata";

    /// <summary>Optional subject in the metadata (e.g. the request number).</summary>
    public string? Subject { get; init; }

    public PdfPageSetup PageSetup { get; }

    /// <summary>The pages in order; tables that overflow add pages themselves.</summary>
    public IReadOnlyList<PdfPageCanvas> Pages => pages;

    internal JapaneseFont Font => JapaneseFont.Gothic;

    /// <summary>Appends a page and returns its canvas.</summary>
    public PdfPageCanvas AddPage()
    {
        var page = new PdfPageCanvas(this, pages.Count + 1, PageSetup);
        pages.Add(page);
        return page;
    }

    /// <summary>The page after <paramref name="page"/>, added if <paramref name="page"/> is the last.</summary>
    internal PdfPageCanvas PageAfter(PdfPageCanvas page) =>
        page.Number < pages.Count ? pages[page.Number] : AddPage();

    /// <summary>The width of <paramref name="text"/> on one line, in mm (the widest line if it has several).</summary>
    public double MeasureTextMm(string text, PdfTextStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var size = (style ?? PdfTextStyle.Default).SizePt * PdfUnits.MmPerPoint;
        return LineBreaker.Wrap(Font, text, double.PositiveInfinity).Max(l => l.Advance) * size;
    }

    /// <summary>Renders every page to PDF bytes.</summary>
    public byte[] Build()
    {
        if (pages.Count == 0)
        {
            throw new InvalidOperationException("A PDF needs at least one page: call AddPage first.");
        }

        var subset = TrueTypeSubsetter.Subset(Font.Data, usedGlyphs, characterMap);
        using var fontData = SKData.CreateCopy(subset);
        using var typeface = SKTypeface.FromData(fontData)
            ?? throw new InvalidOperationException("The font subset could not be loaded.");

        var createdAtUtc = CreatedAt.Kind == DateTimeKind.Local
            ? CreatedAt.ToUniversalTime()
            : DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Title,
            Author = Author,
            Subject = Subject,
            Creator = "Urakata",
            Creation = createdAtUtc,
            Modified = createdAtUtc,
        };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(PdfUnits.Pt(page.Setup.WidthMm), PdfUnits.Pt(page.Setup.HeightMm));
                foreach (var operation in page.Operations)
                {
                    operation.Render(canvas, typeface);
                }

                document.EndPage();
            }

            document.Close();
        }

        var pdf = output.ToArray();
        StampUtcDates(pdf, createdAtUtc);
        return pdf;
    }

    /// <summary>Renders every page as PDF into <paramref name="output"/> (left open).</summary>
    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Build());
    }

    /// <summary>Notes the glyphs and characters of a run so the embedded subset has them.</summary>
    internal void Register(ShapedText text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var glyphs = new HashSet<ushort>(text.Glyphs);
        usedGlyphs.UnionWith(glyphs);
        foreach (var rune in Encoding.UTF8.GetString(text.Utf8).EnumerateRunes())
        {
            if (Font.TryGetGlyph(rune.Value, out var glyph) && glyphs.Contains(glyph))
            {
                characterMap.TryAdd(rune.Value, glyph);
            }
        }
    }

    /// <summary>
    /// SkiaSharp labels PDF dates with the server's time zone (from the hour difference of local and UTC
    /// time, which is also wrong across midnight), so the same document would differ between servers.
    /// Skia writes them in the fixed-width form D:YYYYMMDDHHmmSS+HH'mm'; overwrite them in place with
    /// the UTC value, which moves no byte offset.
    /// </summary>
    private static void StampUtcDates(byte[] pdf, DateTime createdAtUtc)
    {
        var value = Encoding.ASCII.GetBytes(
            "D:" + createdAtUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'");
        foreach (var key in (string[])["/CreationDate (", "/ModDate ("])
        {
            var keyBytes = Encoding.ASCII.GetBytes(key);
            var at = pdf.AsSpan().IndexOf(keyBytes);
            var start = at + keyBytes.Length;
            if (at < 0 || pdf.AsSpan(start).IndexOf((byte)')') != value.Length)
            {
                throw new InvalidOperationException($"Skia wrote no {key.Trim(' ', '(')} of the expected form.");
            }

            value.CopyTo(pdf, start);
        }
    }
}
