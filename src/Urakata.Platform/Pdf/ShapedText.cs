namespace Urakata.Platform.Pdf;

/// <summary>
/// One line of text after HarfBuzz shaping, in em units (1 = the font size): glyph ids and pen positions,
/// with the UTF-8 text and, per glyph, the byte offset of the cluster it came from. Skia needs the text and
/// clusters to write /ActualText, without which pdftotext reads 日 as the Kangxi radical ⽇.
/// </summary>
internal sealed class ShapedText
{
    public static readonly ShapedText Empty = new([], [], [], [], [], [], 0);

    public ShapedText(ushort[] glyphs, float[] pens, float[] offsetsX, float[] offsetsY, byte[] utf8, uint[] clusters, float advance)
    {
        Glyphs = glyphs;
        Pens = pens;
        OffsetsX = offsetsX;
        OffsetsY = offsetsY;
        Utf8 = utf8;
        Clusters = clusters;
        Advance = advance;
    }

    public ushort[] Glyphs { get; }

    /// <summary>Pen position of each glyph from the start of the run.</summary>
    public float[] Pens { get; }

    public float[] OffsetsX { get; }

    /// <summary>Downwards (PDF canvas) offsets.</summary>
    public float[] OffsetsY { get; }

    public byte[] Utf8 { get; }

    /// <summary>Byte offset into <see cref="Utf8"/> of each glyph's cluster; ascending (left-to-right text).</summary>
    public uint[] Clusters { get; }

    /// <summary>Width of the run.</summary>
    public float Advance { get; }

    public bool IsEmpty => Glyphs.Length == 0;

    /// <summary>Whether a glyph cluster starts at this byte offset (so the text may be cut there).</summary>
    public bool IsClusterStart(int byteOffset) =>
        byteOffset == Utf8.Length || Array.BinarySearch(Clusters, (uint)byteOffset) >= 0;

    /// <summary>The pen position at a cluster boundary.</summary>
    public float PenAt(int byteOffset)
    {
        var first = FirstGlyphAtOrAfter(byteOffset);
        return first < Glyphs.Length ? Pens[first] : Advance;
    }

    /// <summary>The glyphs of the clusters in [start, end) bytes, moved to start at pen 0.</summary>
    public ShapedText Slice(int start, int end)
    {
        var first = FirstGlyphAtOrAfter(start);
        var last = FirstGlyphAtOrAfter(end);
        var count = last - first;
        if (count <= 0)
        {
            return Empty;
        }

        var origin = Pens[first];
        var pens = new float[count];
        var clusters = new uint[count];
        for (var i = 0; i < count; i++)
        {
            pens[i] = Pens[first + i] - origin;
            clusters[i] = Clusters[first + i] - (uint)start;
        }

        var advance = (last < Glyphs.Length ? Pens[last] : Advance) - origin;
        return new ShapedText(
            Glyphs[first..last], pens, OffsetsX[first..last], OffsetsY[first..last], Utf8[start..end], clusters, advance);
    }

    /// <summary>Lower bound: the first glyph whose cluster is at or after the offset (clusters may repeat).</summary>
    private int FirstGlyphAtOrAfter(int byteOffset)
    {
        int low = 0, high = Clusters.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Clusters[mid] < byteOffset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
