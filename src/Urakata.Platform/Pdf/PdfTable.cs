namespace Urakata.Platform.Pdf;

/// <summary>A table column: header text, width in mm and the alignment of its cells (Right for amounts).</summary>
public sealed record PdfTableColumn(string Header, double WidthMm, PdfTextAlign Align = PdfTextAlign.Left);

/// <summary>One body row. <see cref="Bold"/> and <see cref="Fill"/> mark totals (合計) and the like.</summary>
public sealed record PdfTableRow(IReadOnlyList<string> Cells)
{
    public bool Bold { get; init; }

    public PdfColor? Fill { get; init; }
}

/// <summary>
/// A simple grid table for <see cref="PdfPageCanvas.DrawTable"/>: a header row and body rows whose cells
/// wrap within their column. Rows that do not fit above the bottom margin continue on the next page under
/// a repeated header.
/// </summary>
public sealed class PdfTable
{
    private readonly List<PdfTableRow> rows = [];

    public PdfTable(params IReadOnlyList<PdfTableColumn> columns)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<PdfTableColumn> Columns { get; }

    public IReadOnlyList<PdfTableRow> Rows => rows;

    public PdfTextStyle HeaderStyle { get; init; } = PdfTextStyle.Default with { SizePt = 9.5, Bold = true };

    public PdfTextStyle BodyStyle { get; init; } = PdfTextStyle.Default with { SizePt = 9.5, LineSpacing = 1.3 };

    public PdfColor HeaderFill { get; init; } = PdfColor.LightGray;

    public PdfColor BorderColor { get; init; } = PdfColor.Black;

    public double BorderWidthMm { get; init; } = 0.2;

    /// <summary>Space between a cell's border and its text, on every side.</summary>
    public double CellPaddingMm { get; init; } = 1.2;

    /// <summary>The sum of the column widths.</summary>
    public double WidthMm => Columns.Sum(c => c.WidthMm);

    /// <summary>Adds a body row; it must have one cell per column.</summary>
    public PdfTable AddRow(params IReadOnlyList<string> cells) => AddRow(new PdfTableRow(cells));

    public PdfTable AddRow(PdfTableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Cells.Count != Columns.Count)
        {
            throw new ArgumentException($"The row has {row.Cells.Count} cells; the table has {Columns.Count} columns.", nameof(row));
        }

        rows.Add(row);
        return this;
    }
}
