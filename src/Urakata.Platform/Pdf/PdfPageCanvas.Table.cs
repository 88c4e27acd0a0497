namespace Urakata.Platform.Pdf;

public sealed partial class PdfPageCanvas
{
    /// <summary>
    /// Draws <paramref name="table"/> with its top-left corner at (<paramref name="xMm"/>, <paramref name="yMm"/>).
    /// A row that would cross the bottom margin goes to the next page (added if needed), where the table
    /// continues at the top margin under a repeated header. A header is never left alone at a page foot.
    /// </summary>
    /// <returns>The page the table ended on and the y just below its last row.</returns>
    public PdfFlowPosition DrawTable(double xMm, double yMm, PdfTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var headers = table.Columns.Select(c => c.Header).ToArray();
        var hasHeader = headers.Any(h => h.Length > 0);
        var header = hasHeader ? LayoutRow(table, headers, table.HeaderStyle) : null;
        var headerHeight = header?.Height ?? 0;

        var page = this;
        var y = yMm;
        var rows = table.Rows;
        var firstHeight = rows.Count > 0 ? LayoutRow(table, rows[0].Cells, RowStyle(table, rows[0])).Height : 0;
        if (y + headerHeight + firstHeight > Setup.ContentBottomMm && y > Setup.MarginTopMm)
        {
            page = Document.PageAfter(page);
            y = page.Setup.MarginTopMm;
        }

        if (header is not null)
        {
            y = page.DrawRow(table, xMm, y, header, table.HeaderFill, headerRow: true);
        }

        var rowsOnPage = 0;
        foreach (var row in rows)
        {
            var layout = LayoutRow(table, row.Cells, RowStyle(table, row));
            if (y + layout.Height > page.Setup.ContentBottomMm && rowsOnPage > 0)
            {
                page.CloseTableSegment(table, xMm, y);
                page = Document.PageAfter(page);
                y = page.Setup.MarginTopMm;
                rowsOnPage = 0;
                if (header is not null)
                {
                    y = page.DrawRow(table, xMm, y, header, table.HeaderFill, headerRow: true);
                }
            }

            y = page.DrawRow(table, xMm, y, layout, row.Fill, headerRow: false);
            rowsOnPage++;
        }

        page.CloseTableSegment(table, xMm, y);
        return new PdfFlowPosition(page, y);
    }

    private static PdfTextStyle RowStyle(PdfTable table, PdfTableRow row) =>
        row.Bold ? table.BodyStyle with { Bold = true } : table.BodyStyle;

    private RowLayout LayoutRow(PdfTable table, IReadOnlyList<string> cells, PdfTextStyle style)
    {
        var lines = new List<ShapedText>[cells.Count];
        var most = 1;
        for (var i = 0; i < cells.Count; i++)
        {
            lines[i] = WrapLines(cells[i], table.Columns[i].WidthMm - (2 * table.CellPaddingMm), style);
            most = Math.Max(most, lines[i].Count);
        }

        return new RowLayout(lines, style, (most * style.LineHeightMm) + (2 * table.CellPaddingMm));
    }

    /// <summary>Draws one row: background, text, its top border and the column borders. Returns its bottom y.</summary>
    private double DrawRow(PdfTable table, double xMm, double yMm, RowLayout row, PdfColor? fill, bool headerRow)
    {
        var width = table.WidthMm;
        if (fill is { } color)
        {
            FillRectangle(xMm, yMm, width, row.Height, color);
        }

        var x = xMm;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var align = headerRow ? PdfTextAlign.Center : column.Align;
            var inner = column.WidthMm - (2 * table.CellPaddingMm);
            DrawLines(row.Lines[i], x + table.CellPaddingMm, yMm + table.CellPaddingMm, row.Style, align, AnchorKind.Box, inner);
            x += column.WidthMm;
        }

        DrawLine(xMm, yMm, xMm + width, yMm, table.BorderWidthMm, table.BorderColor);
        x = xMm;
        DrawLine(x, yMm, x, yMm + row.Height, table.BorderWidthMm, table.BorderColor);
        foreach (var column in table.Columns)
        {
            x += column.WidthMm;
            DrawLine(x, yMm, x, yMm + row.Height, table.BorderWidthMm, table.BorderColor);
        }

        return yMm + row.Height;
    }

    private void CloseTableSegment(PdfTable table, double xMm, double yMm) =>
        DrawLine(xMm, yMm, xMm + table.WidthMm, yMm, table.BorderWidthMm, table.BorderColor);

    private sealed record RowLayout(List<ShapedText>[] Lines, PdfTextStyle Style, double Height);
}
