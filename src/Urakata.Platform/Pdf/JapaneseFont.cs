using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Urakata.Platform.Pdf;

/// <summary>
/// The bundled IPAex Gothic, loaded once per process from this assembly's resources (no system fonts
/// needed), and its HarfBuzz shaper. Shaping always uses the full font; each PDF embeds a subset.
/// </summary>
internal sealed class JapaneseFont : IDisposable
{
    private const string GothicResource = "Urakata.Platform.Pdf.Fonts.ipaexg.ttf";

    private static readonly Lazy<JapaneseFont> LazyGothic = new(() => Load(GothicResource));

    private readonly Lock shapeLock = new();
    private readonly SKTypeface typeface;
    private readonly Blob blob;
    private readonly Face face;
    private readonly HarfBuzzSharp.Font font;

    private JapaneseFont(byte[] data)
    {
        Data = data;
        using var skData = SKData.CreateCopy(data);
        typeface = SKTypeface.FromData(skData)
            ?? throw new InvalidDataException("The bundled font could not be loaded.");
        blob = typeface.OpenStream(out var index).ToHarfBuzzBlob();
        face = new Face(blob, index);
        UnitsPerEm = face.UnitsPerEm;
        font = new HarfBuzzSharp.Font(face);
        font.SetFunctionsOpenType();
        // Positions come back in font units; ShapedText divides them into ems.
        font.SetScale(UnitsPerEm, UnitsPerEm);
        if (!font.TryGetHorizontalFontExtents(out var extents))
        {
            throw new InvalidDataException("The bundled font has no horizontal metrics.");
        }

        Ascent = (float)extents.Ascender / UnitsPerEm;
        Descent = -(float)extents.Descender / UnitsPerEm;
    }

    /// <summary>IPAex Gothic (IPAexゴシック), IPA Font License v1.0.</summary>
    public static JapaneseFont Gothic => LazyGothic.Value;

    /// <summary>The full font file.</summary>
    public byte[] Data { get; }

    public int UnitsPerEm { get; }

    /// <summary>Above the baseline, in ems (0.88 for IPAex).</summary>
    public float Ascent { get; }

    /// <summary>Below the baseline, in ems, positive (0.12 for IPAex).</summary>
    public float Descent { get; }

    /// <summary>Shapes one line (no line breaks in <paramref name="text"/>) left to right.</summary>
    public ShapedText Shape(string text)
    {
        if (text.Length == 0)
        {
            return ShapedText.Empty;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        GlyphInfo[] infos;
        GlyphPosition[] positions;
        lock (shapeLock)
        {
            using var buffer = new HarfBuzzSharp.Buffer();
            buffer.AddUtf8(utf8);
            buffer.Direction = Direction.LeftToRight;
            buffer.Script = Script.Han;
            buffer.Language = new Language("ja");
            // Monotone clusters: one byte offset per base character, as Skia's cluster map expects.
            buffer.ClusterLevel = ClusterLevel.MonotoneCharacters;
            font.Shape(buffer);
            infos = buffer.GlyphInfos;
            positions = buffer.GlyphPositions;
        }

        var count = infos.Length;
        var glyphs = new ushort[count];
        var pens = new float[count];
        var offsetsX = new float[count];
        var offsetsY = new float[count];
        var clusters = new uint[count];
        float em = UnitsPerEm;
        var pen = 0f;
        for (var i = 0; i < count; i++)
        {
            glyphs[i] = checked((ushort)infos[i].Codepoint);
            clusters[i] = infos[i].Cluster;
            pens[i] = pen;
            offsetsX[i] = positions[i].XOffset / em;
            offsetsY[i] = -positions[i].YOffset / em;
            pen += positions[i].XAdvance / em;
        }

        return new ShapedText(glyphs, pens, offsetsX, offsetsY, utf8, clusters, pen);
    }

    /// <summary>The glyph the font's cmap gives a code point, if any.</summary>
    public bool TryGetGlyph(int codePoint, out ushort glyph)
    {
        lock (shapeLock)
        {
            if (font.TryGetGlyph(codePoint, out var id) && id != 0)
            {
                glyph = checked((ushort)id);
                return true;
            }
        }

        glyph = 0;
        return false;
    }

    public void Dispose()
    {
        font.Dispose();
        face.Dispose();
        blob.Dispose();
        typeface.Dispose();
    }

    private static JapaneseFont Load(string resource)
    {
        using var stream = typeof(JapaneseFont).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource '{resource}' is missing from Urakata.Platform.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return new JapaneseFont(data);
    }
}
