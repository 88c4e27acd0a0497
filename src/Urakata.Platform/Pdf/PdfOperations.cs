using SkiaSharp;

namespace Urakata.Platform.Pdf;

/// <summary>
/// A recorded drawing step, in points from the page's top-left corner. Pages are recorded first and
/// rendered at the end because the embedded font subset can only be made once every glyph is known.
/// </summary>
internal abstract record PdfOperation
{
    public abstract void Render(SKCanvas canvas, SKTypeface typeface);

    protected static SKPaint Paint(PdfColor color, SKPaintStyle style, float strokeWidth = 0) => new()
    {
        Color = new SKColor(color.R, color.G, color.B),
        Style = style,
        StrokeWidth = strokeWidth,
        IsAntialias = true,
    };
}

/// <summary>One shaped line; <paramref name="ScaleX"/> below 1 condenses it (stamps).</summary>
internal sealed record TextOperation(ShapedText Text, float X, float Baseline, float SizePt, bool Bold, PdfColor Color, float ScaleX = 1)
    : PdfOperation
{
    /// <summary>Width of the outline stroke that makes bold, in ems (half of it falls outside the glyph).</summary>
    private const float BoldStroke = 0.04f;

    public override void Render(SKCanvas canvas, SKTypeface typeface)
    {
        if (Text.IsEmpty)
        {
            return;
        }

        using var font = new SKFont(typeface, SizePt)
        {
            ScaleX = ScaleX,
            Subpixel = true,
            LinearMetrics = true,
            Hinting = SKFontHinting.None,
        };
        var count = Text.Glyphs.Length;
        var positions = new SKPoint[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = new SKPoint(
                (Text.Pens[i] + Text.OffsetsX[i]) * SizePt * ScaleX,
                Text.OffsetsY[i] * SizePt);
        }

        using (var builder = new SKTextBlobBuilder())
        {
            // A run with glyphs, positions, the UTF-8 text and the cluster map: Skia then writes /ActualText
            // wherever the glyph's Unicode would be ambiguous, so text extraction returns what was written.
            var run = builder.AllocatePositionedTextRun(font, count, Text.Utf8.Length);
            run.SetGlyphs(Text.Glyphs);
            run.SetPositions(positions);
            run.SetText(Text.Utf8);
            run.SetClusters(Text.Clusters);
            using var blob = builder.Build();
            using var paint = Paint(Color, SKPaintStyle.Fill);
            canvas.DrawText(blob, X, Baseline, paint);
        }

        if (Bold)
        {
            // SKFont.Embolden makes Skia's PDF writer fall back to Type 3 fonts (bigger, blurry when printed).
            // Instead, stroke the glyph outlines over the text: the text stays one searchable run.
            using var builder = new SKPathBuilder();
            for (var i = 0; i < count; i++)
            {
                using var glyph = font.GetGlyphPath(Text.Glyphs[i]);
                builder.AddPath(glyph, X + positions[i].X, Baseline + positions[i].Y, SKPathAddMode.Append);
            }

            using var outlines = builder.Detach();

            using var stroke = Paint(Color, SKPaintStyle.Stroke, BoldStroke * SizePt);
            stroke.StrokeJoin = SKStrokeJoin.Round;
            canvas.DrawPath(outlines, stroke);
        }
    }
}

internal sealed record LineOperation(SKPoint From, SKPoint To, float Width, PdfColor Color) : PdfOperation
{
    public override void Render(SKCanvas canvas, SKTypeface typeface)
    {
        using var paint = Paint(Color, SKPaintStyle.Stroke, Width);
        canvas.DrawLine(From, To, paint);
    }
}

internal sealed record RectangleOperation(SKRect Rect, PdfColor Color, float? StrokeWidth) : PdfOperation
{
    public override void Render(SKCanvas canvas, SKTypeface typeface)
    {
        using var paint = StrokeWidth is { } width
            ? Paint(Color, SKPaintStyle.Stroke, width)
            : Paint(Color, SKPaintStyle.Fill);
        canvas.DrawRect(Rect, paint);
    }
}

internal sealed record CircleOperation(SKPoint Centre, float Radius, float StrokeWidth, PdfColor Color) : PdfOperation
{
    public override void Render(SKCanvas canvas, SKTypeface typeface)
    {
        using var paint = Paint(Color, SKPaintStyle.Stroke, StrokeWidth);
        canvas.DrawCircle(Centre, Radius, paint);
    }
}
