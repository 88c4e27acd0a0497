using System.Globalization;
using Urakata.Platform.Kernel;
using Urakata.Platform.Pdf;

namespace Urakata.Platform.Tabular;

/// <summary>
/// Prints a <see cref="Table"/> as an A4 PDF with the Japanese font: a title, a subtitle (company, period), the table with
/// its header repeated on every page, amounts right-aligned with thousands separators, dates as 2026/04/01. Landscape
/// when the table has more than six columns.
/// </summary>
public static class PdfTableWriter
{
    public static async Task<byte[]> RenderAsync(string title, string? subtitle, Table table, DateTime createdAt, CancellationToken ct = default)
    {
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in table.ReadAsync(ct))
        {
            rows.Add(row);
        }
        var setup = table.Headers.Count > 6 ? PdfPageSetup.A4Landscape : PdfPageSetup.A4;
        var document = new PdfDocumentBuilder(title, createdAt, setup) { Subject = subtitle };
        var page = document.AddPage();
        var y = setup.MarginTopMm;
        var titleStyle = PdfTextStyle.Default with { SizePt = 14, Bold = true };
        page.DrawText(setup.MarginLeftMm, y, title, titleStyle);
        y += titleStyle.LineHeightMm;
        if (subtitle is not null)
        {
            var subtitleStyle = PdfTextStyle.Default with { SizePt = 9.5 };
            page.DrawText(setup.MarginLeftMm, y + 1, subtitle, subtitleStyle);
            y += subtitleStyle.LineHeightMm + 1;
        }
        var cells = rows.Select(r => r.Select(Text).ToArray()).ToList();
        var numeric = Enumerable.Range(0, table.Headers.Count)
            .Select(i => rows.Count > 0 && rows.All(r => i >= r.Count || r[i] is null or long or int or decimal or double)).ToArray();
        // Widths follow the longest text of each column (East Asian characters count double), within the page.
        var weights = Enumerable.Range(0, table.Headers.Count)
            .Select(i => Math.Clamp(cells.Select(c => i < c.Length ? Width(c[i]) : 0).Append(Width(table.Headers[i])).Max(), 4, 40)).ToArray();
        var total = weights.Sum();
        var pdfTable = new PdfTable([.. table.Headers.Select((h, i) => new PdfTableColumn(h, setup.ContentWidthMm * weights[i] / total,
            numeric[i] ? PdfTextAlign.Right : PdfTextAlign.Left))])
        {
            BodyStyle = PdfTextStyle.Default with { SizePt = 8.5, LineSpacing = 1.25 },
            HeaderStyle = PdfTextStyle.Default with { SizePt = 8.5, Bold = true },
        };
        foreach (var row in cells)
        {
            pdfTable.AddRow([.. Enumerable.Range(0, table.Headers.Count).Select(i => i < row.Length ? row[i] : "")]);
        }
        page.DrawTable(setup.MarginLeftMm, y + 3, pdfTable);
        return document.Build();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        long or int or decimal => string.Format(CultureInfo.InvariantCulture, "{0:#,0}", value),
        double d => d.ToString("#,0.##", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        DateTime instant => JapanTime.DateOf(instant).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static int Width(string text) => text.Sum(c => c < 0x2E80 ? 1 : 2);
}
