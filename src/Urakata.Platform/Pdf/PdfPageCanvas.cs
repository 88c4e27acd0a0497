using SkiaSharp;

namespace Urakata.Platform.Pdf;

/// <summary>
/// One page of a <see cref="PdfDocumentBuilder"/>. Coordinates are millimetres from the top-left corner
/// of the page, y downwards. Text is placed by the top of its line box: a line box is
/// <see cref="PdfTextStyle.LineHeightMm"/> tall and the glyphs sit centred in it, so text and table cells
/// line up without baseline arithmetic.
/// </summary>
public sealed partial class PdfPageCanvas
{
    private readonly List<PdfOperation> operations = [];

    internal PdfPageCanvas(PdfDocumentBuilder document, int number, PdfPageSetup setup)
    {
        Document = document;
        Number = number;
        Setup = setup;
    }

    public PdfDocumentBuilder Document { get; }

    /// <summary>1 for the first page.</summary>
    public int Number { get; }

    public PdfPageSetup Setup { get; }

    internal IReadOnlyList<PdfOperation> Operations => operations;

    /// <summary>
    /// Draws text without wrapping (a line break in <paramref name="text"/> starts a new line).
    /// <paramref name="xMm"/> is the left edge, the centre or the right edge, by <paramref name="align"/>;
    /// <paramref name="yMm"/> is the top of the first line box.
    /// </summary>
    /// <returns>The width of the widest line, in mm.</returns>
    public double DrawText(double xMm, double yMm, string text, PdfTextStyle? style = null, PdfTextAlign align = PdfTextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = LineBreaker.Wrap(Document.Font, text, double.PositiveInfinity);
        var s = style ?? PdfTextStyle.Default;
        DrawLines(lines, xMm, yMm, s, align, AnchorKind.Point);
        return lines.Max(l => l.Advance) * s.SizePt * PdfUnits.MmPerPoint;
    }

    /// <summary>
    /// Draws text wrapped to <paramref name="widthMm"/> (Japanese breaks between characters with 禁則,
    /// Latin at spaces), each line aligned within the box that starts at <paramref name="xMm"/>.
    /// </summary>
    /// <returns>The height used, in mm (lines × <see cref="PdfTextStyle.LineHeightMm"/>).</returns>
    public double DrawTextBox(double xMm, double yMm, double widthMm, string text, PdfTextStyle? style = null, PdfTextAlign align = PdfTextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthMm);
        var s = style ?? PdfTextStyle.Default;
        var lines = WrapLines(text, widthMm, s);
        DrawLines(lines, xMm, yMm, s, align, AnchorKind.Box, widthMm);
        return lines.Count * s.LineHeightMm;
    }

    /// <summary>Draws a straight line.</summary>
    public void DrawLine(double x1Mm, double y1Mm, double x2Mm, double y2Mm, double widthMm = 0.2, PdfColor? color = null) =>
        operations.Add(new LineOperation(Point(x1Mm, y1Mm), Point(x2Mm, y2Mm), PdfUnits.Pt(widthMm), color ?? PdfColor.Black));

    /// <summary>Draws the outline of a rectangle given by its top-left corner and size.</summary>
    public void StrokeRectangle(double xMm, double yMm, double widthMm, double heightMm, double lineWidthMm = 0.2, PdfColor? color = null) =>
        operations.Add(new RectangleOperation(Rect(xMm, yMm, widthMm, heightMm), color ?? PdfColor.Black, PdfUnits.Pt(lineWidthMm)));

    /// <summary>Fills a rectangle given by its top-left corner and size.</summary>
    public void FillRectangle(double xMm, double yMm, double widthMm, double heightMm, PdfColor color) =>
        operations.Add(new RectangleOperation(Rect(xMm, yMm, widthMm, heightMm), color, null));

    /// <summary>Draws the outline of a circle.</summary>
    public void StrokeCircle(double centreXMm, double centreYMm, double diameterMm, double lineWidthMm = 0.2, PdfColor? color = null) =>
        operations.Add(new CircleOperation(Point(centreXMm, centreYMm), PdfUnits.Pt(diameterMm / 2), PdfUnits.Pt(lineWidthMm), color ?? PdfColor.Black));

    internal List<ShapedText> WrapLines(string text, double widthMm, PdfTextStyle style) =>
        LineBreaker.Wrap(Document.Font, text, widthMm / (style.SizePt * PdfUnits.MmPerPoint));

    /// <summary>Places one shaped line with its left end at x and its baseline at y (mm), optionally condensed.</summary>
    internal void AddText(ShapedText line, double xMm, double baselineMm, double sizePt, bool bold, PdfColor color, double scaleX = 1)
    {
        Document.Register(line);
        operations.Add(new TextOperation(line, PdfUnits.Pt(xMm), PdfUnits.Pt(baselineMm), (float)sizePt, bold, color, (float)scaleX));
    }

    /// <summary>The baseline of a line box whose top is <paramref name="topMm"/>: the em box centred in it.</summary>
    internal double BaselineOf(double topMm, PdfTextStyle style)
    {
        var sizeMm = style.SizePt * PdfUnits.MmPerPoint;
        return topMm + ((style.LineHeightMm - sizeMm) / 2) + (Document.Font.Ascent * sizeMm);
    }

    internal void DrawLines(List<ShapedText> lines, double xMm, double yMm, PdfTextStyle style, PdfTextAlign align, AnchorKind anchor, double boxWidthMm = 0)
    {
        var sizeMm = style.SizePt * PdfUnits.MmPerPoint;
        var top = yMm;
        foreach (var line in lines)
        {
            var width = line.Advance * sizeMm;
            var left = (align, anchor) switch
            {
                (PdfTextAlign.Left, _) => xMm,
                (PdfTextAlign.Center, AnchorKind.Point) => xMm - (width / 2),
                (PdfTextAlign.Center, AnchorKind.Box) => xMm + ((boxWidthMm - width) / 2),
                (PdfTextAlign.Right, AnchorKind.Point) => xMm - width,
                (PdfTextAlign.Right, AnchorKind.Box) => xMm + boxWidthMm - width,
                _ => throw new ArgumentOutOfRangeException(nameof(align), align, null),
            };
            AddText(line, left, BaselineOf(top, style), style.SizePt, style.Bold, style.Color);
            top += style.LineHeightMm;
        }
    }

    private static SKPoint Point(double xMm, double yMm) => new(PdfUnits.Pt(xMm), PdfUnits.Pt(yMm));

    private static SKRect Rect(double xMm, double yMm, double widthMm, double heightMm) =>
        SKRect.Create(PdfUnits.Pt(xMm), PdfUnits.Pt(yMm), PdfUnits.Pt(widthMm), PdfUnits.Pt(heightMm));

    /// <summary>Whether x is a point the text hangs from, or the left edge of a box it is aligned in.</summary>
    internal enum AnchorKind
    {
        Point,
        Box,
    }
}
