using System.Globalization;

namespace Urakata.Platform.Pdf;

/// <summary>An opaque RGB colour.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    public static PdfColor Black { get; } = new(0, 0, 0);

    public static PdfColor White { get; } = new(255, 255, 255);

    /// <summary>Secondary text: notes, page numbers.</summary>
    public static PdfColor Gray { get; } = new(96, 96, 96);

    /// <summary>Table header and total-row backgrounds.</summary>
    public static PdfColor LightGray { get; } = new(232, 232, 232);

    /// <summary>朱肉 red, the colour of seals and 日付印.</summary>
    public static PdfColor StampRed { get; } = new(0xD7, 0x1E, 0x2A);

    /// <summary>Parses "#RRGGBB" or "RRGGBB".</summary>
    public static PdfColor FromHex(string hex)
    {
        var digits = hex.StartsWith('#') ? hex[1..] : hex;
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #RRGGBB.");
        }

        return new PdfColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }
}

/// <summary>Where a text's anchor x lies: its left edge, its centre or its right edge.</summary>
public enum PdfTextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// How text looks. Sizes are in points (1 pt = 0.3528 mm), as in word processors; positions are in mm.
/// Start from <see cref="Default"/>: <c>PdfTextStyle.Default with { SizePt = 16, Bold = true }</c>.
/// </summary>
public sealed record PdfTextStyle
{
    /// <summary>10.5 pt regular black, the usual size of Japanese business documents.</summary>
    public static PdfTextStyle Default { get; } = new();

    public double SizePt { get; init; } = 10.5;

    /// <summary>IPAex has no bold face; bold glyphs are drawn with an outline stroke.</summary>
    public bool Bold { get; init; }

    public PdfColor Color { get; init; } = PdfColor.Black;

    /// <summary>Height of a line box as a multiple of the size; the glyphs sit centred in it.</summary>
    public double LineSpacing { get; init; } = 1.4;

    /// <summary>The height of one line box in mm.</summary>
    public double LineHeightMm => SizePt * LineSpacing * PdfUnits.MmPerPoint;
}

/// <summary>Page size and the margins that page breaks (tables) respect, in mm.</summary>
public sealed record PdfPageSetup
{
    /// <summary>A4 portrait (210 × 297 mm) with 15 mm margins.</summary>
    public static PdfPageSetup A4 { get; } = new();

    /// <summary>A4 landscape (297 × 210 mm) with 15 mm margins.</summary>
    public static PdfPageSetup A4Landscape { get; } = new() { WidthMm = 297, HeightMm = 210 };

    public double WidthMm { get; init; } = 210;

    public double HeightMm { get; init; } = 297;

    public double MarginTopMm { get; init; } = 15;

    public double MarginBottomMm { get; init; } = 15;

    public double MarginLeftMm { get; init; } = 15;

    public double MarginRightMm { get; init; } = 15;

    /// <summary>The width between the left and right margins.</summary>
    public double ContentWidthMm => WidthMm - MarginLeftMm - MarginRightMm;

    /// <summary>The y of the bottom margin: content (table rows) must end above it.</summary>
    public double ContentBottomMm => HeightMm - MarginBottomMm;
}

/// <summary>Where flowing content (a table) ended: the page it ended on and the y below it, in mm.</summary>
public readonly record struct PdfFlowPosition(PdfPageCanvas Page, double YMm);

internal static class PdfUnits
{
    public const double MmPerPoint = 25.4 / 72;

    public static float Pt(double mm) => (float)(mm / MmPerPoint);
}
