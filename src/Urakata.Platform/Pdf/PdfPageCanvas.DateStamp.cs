using System.Globalization;

namespace Urakata.Platform.Pdf;

/// <summary>How the year is printed in a 日付印: 26.11.24 or 2026.11.24.</summary>
public enum PdfStampYear
{
    TwoDigits,
    FourDigits,
}

public sealed partial class PdfPageCanvas
{
    /// <summary>
    /// Draws a 日付印 (dated approval stamp), all in 朱肉 red: a circle with the surname in the upper part,
    /// a band across the middle holding the date and, if given, a department or title in the lower part.
    /// Text is condensed or shrunk to stay inside the circle, as on a real stamp.
    /// </summary>
    /// <param name="centreXMm">Centre of the circle.</param>
    /// <param name="diameterMm">Outer diameter; real ones are 12–18 mm.</param>
    /// <param name="surname">The approver's surname (佐藤), usually 1–4 characters.</param>
    /// <param name="date">The approval date, in the company's time zone.</param>
    /// <param name="bottomText">Department or title (経理部, 部長), or null to leave the lower part empty.</param>
    public void DrawDateStamp(
        double centreXMm, double centreYMm, double diameterMm, string surname, DateOnly date,
        string? bottomText = null, PdfStampYear year = PdfStampYear.TwoDigits)
    {
        var format = year == PdfStampYear.FourDigits ? "yyyy.MM.dd" : "yy.MM.dd";
        DrawDateStamp(centreXMm, centreYMm, diameterMm, surname, date.ToString(format, CultureInfo.InvariantCulture), bottomText);
    }

    /// <summary>A 日付印 with the middle band text given as is (a 和暦 date such as "R8.11.24", or "受付").</summary>
    public void DrawDateStamp(double centreXMm, double centreYMm, double diameterMm, string surname, string dateText, string? bottomText = null)
    {
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(dateText);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(diameterMm);
        var red = PdfColor.StampRed;
        var radius = diameterMm / 2;
        var ring = Math.Max(0.3, diameterMm * 0.04);
        StrokeCircle(centreXMm, centreYMm, diameterMm - ring, ring, red); // outer edge exactly at the diameter

        var inside = radius - ring;
        var band = radius * 0.27; // half-height of the date band
        var bandLine = ring * 0.6;
        var chord = Math.Sqrt((inside * inside) - (band * band));
        DrawLine(centreXMm - chord, centreYMm - band, centreXMm + chord, centreYMm - band, bandLine, red);
        DrawLine(centreXMm - chord, centreYMm + band, centreXMm + chord, centreYMm + band, bandLine, red);

        var date = Document.Font.Shape(dateText);
        var dateSize = band * 2 * 0.72;
        var dateScale = Math.Min(1, 2 * chord * 0.86 / Math.Max(date.Advance * dateSize, 1e-6));
        if (dateScale < 0.5)
        {
            dateSize *= dateScale / 0.5;
            dateScale = 0.5;
        }

        PlaceStampText(date, centreXMm, centreYMm - (dateSize / 2), dateSize, dateScale);
        PlaceInSegment(surname, centreXMm, centreYMm, inside, band + (bandLine / 2), above: true);
        if (!string.IsNullOrWhiteSpace(bottomText))
        {
            PlaceInSegment(bottomText, centreXMm, centreYMm, inside, band + (bandLine / 2), above: false);
        }
    }

    /// <summary>
    /// Fits one line into the circle segment beyond the band: as large as the segment allows, condensed
    /// down to 60 % before it is made smaller, with its em box kept inside the circle.
    /// </summary>
    private void PlaceInSegment(string text, double cx, double cy, double inside, double bandEdge, bool above)
    {
        var shaped = Document.Font.Shape(text);
        if (shaped.IsEmpty)
        {
            return;
        }

        var zone = inside - bandEdge;
        var gap = zone * 0.1;
        var size = zone * 0.68;
        double scale;
        while (true)
        {
            var far = bandEdge + gap + size; // distance from the centre to the outer edge of the em box
            var room = far < inside ? 2 * Math.Sqrt((inside * inside) - (far * far)) * 0.95 : 0;
            scale = Math.Min(1, room / (shaped.Advance * size));
            if (scale >= 0.6 || size < 0.5)
            {
                break;
            }

            size *= 0.92;
        }

        var top = above ? cy - bandEdge - gap - size : cy + bandEdge + gap;
        PlaceStampText(shaped, cx, top, size, scale);
    }

    /// <summary>Centres a line horizontally on <paramref name="cx"/> with its em box's top at <paramref name="topMm"/>.</summary>
    private void PlaceStampText(ShapedText text, double cx, double topMm, double sizeMm, double scaleX)
    {
        var width = text.Advance * sizeMm * scaleX;
        AddText(text, cx - (width / 2), topMm + (Document.Font.Ascent * sizeMm), sizeMm / PdfUnits.MmPerPoint, bold: true, PdfColor.StampRed, scaleX);
    }
}
