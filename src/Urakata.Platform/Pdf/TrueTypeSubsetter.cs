using System.Buffers.Binary;

namespace Urakata.Platform.Pdf;

/// <summary>
/// Makes a small copy of a TrueType (glyf-based) font for one PDF. Skia embeds whatever font file it
/// is given, whole: the 6 MB IPAex Gothic made every PDF about 4 MB. The copy keeps every glyph id (so
/// glyph runs shaped on the full font stay valid) but only the outlines of the glyphs the document uses,
/// a cmap of the characters it uses, and none of the layout or vertical tables, which only shaping needs.
/// </summary>
/// <remarks>
/// Spec: OpenType 1.9, "Recommendations for OpenType fonts" and the table chapters (head, loca, glyf,
/// cmap formats 4 and 12, post format 3). Tables keep their data as-is unless named here.
/// </remarks>
internal static class TrueTypeSubsetter
{
    // Hinting tables (cvt, fpgm, prep, gasp) are small and the kept glyphs' instructions call into them.
    private static readonly string[] KeptTables =
        ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    private const uint ChecksumMagic = 0xB1B0AFBA;

    // Composite glyph component flags (glyf chapter).
    private const ushort ArgsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    /// <param name="font">The full font file.</param>
    /// <param name="usedGlyphs">Glyph ids the document draws; .notdef and composite components are added.</param>
    /// <param name="characterMap">Code point → glyph id for the characters the document draws; becomes the new cmap.</param>
    public static byte[] Subset(ReadOnlySpan<byte> font, IEnumerable<ushort> usedGlyphs, IReadOnlyDictionary<int, ushort> characterMap)
    {
        var tables = ReadTableDirectory(font);
        var head = Table(font, tables, "head");
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(Table(font, tables, "maxp")[4..]);
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head[50..]) != 0;
        var offsets = ReadLoca(Table(font, tables, "loca"), glyphCount, longOffsets);
        var glyf = Table(font, tables, "glyf");

        var keep = CloseOverComponents(glyf, offsets, usedGlyphs, glyphCount);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in KeptTables)
        {
            if (tables.ContainsKey(tag))
            {
                output[tag] = Table(font, tables, tag).ToArray();
            }
        }

        (output["glyf"], output["loca"]) = BuildGlyfAndLoca(glyf, offsets, keep);
        output["cmap"] = BuildCmap(characterMap);
        output["post"] = PostFormat3(Table(font, tables, "post"));
        var newHead = output["head"];
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // loca is now always long offsets
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        if (output.TryGetValue("hmtx", out var hmtx))
        {
            ClearUnusedSideBearings(hmtx, Table(font, tables, "hhea"), keep);
        }

        return WriteFont(output);
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(ReadOnlySpan<byte> font)
    {
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565) // 1.0 or 'true'; 'OTTO' (CFF) is not supported
        {
            throw new NotSupportedException("Only TrueType (glyf) fonts can be subset.");
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (16 * i), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            tables[tag] = (offset, length);
        }

        return tables;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        tables.TryGetValue(tag, out var t)
            ? font.Slice(t.Offset, t.Length)
            : throw new InvalidDataException($"The font has no '{tag}' table.");

    private static int[] ReadLoca(ReadOnlySpan<byte> loca, int glyphCount, bool longOffsets)
    {
        var offsets = new int[glyphCount + 1];
        for (var i = 0; i <= glyphCount; i++)
        {
            offsets[i] = longOffsets
                ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * i)..]))
                : BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * i)..]) * 2;
        }

        return offsets;
    }

    /// <summary>The used glyphs plus .notdef plus, transitively, every component of a composite glyph.</summary>
    private static bool[] CloseOverComponents(ReadOnlySpan<byte> glyf, int[] offsets, IEnumerable<ushort> usedGlyphs, int glyphCount)
    {
        var keep = new bool[glyphCount];
        var pending = new Stack<int>();
        pending.Push(0);
        foreach (var glyph in usedGlyphs)
        {
            pending.Push(glyph);
        }

        while (pending.TryPop(out var glyph))
        {
            if (glyph >= glyphCount || keep[glyph])
            {
                continue;
            }

            keep[glyph] = true;
            var data = glyf[offsets[glyph]..offsets[glyph + 1]];
            if (data.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(data) >= 0)
            {
                continue; // empty or simple glyph
            }

            var at = 10; // after the glyph header
            ushort flags;
            do
            {
                flags = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
                pending.Push(BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]));
                at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
                if ((flags & HasScale) != 0)
                {
                    at += 2;
                }
                else if ((flags & HasXYScale) != 0)
                {
                    at += 4;
                }
                else if ((flags & HasTwoByTwo) != 0)
                {
                    at += 8;
                }
            }
            while ((flags & MoreComponents) != 0);
        }

        return keep;
    }

    private static (byte[] Glyf, byte[] Loca) BuildGlyfAndLoca(ReadOnlySpan<byte> glyf, int[] offsets, bool[] keep)
    {
        var size = 0;
        for (var g = 0; g < keep.Length; g++)
        {
            if (keep[g])
            {
                size += Pad4(offsets[g + 1] - offsets[g]);
            }
        }

        var newGlyf = new byte[size];
        var newLoca = new byte[4 * (keep.Length + 1)];
        var at = 0;
        for (var g = 0; g < keep.Length; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)at);
            if (keep[g])
            {
                glyf[offsets[g]..offsets[g + 1]].CopyTo(newGlyf.AsSpan(at));
                at += Pad4(offsets[g + 1] - offsets[g]);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * keep.Length), (uint)at);
        return (newGlyf, newLoca);
    }

    /// <summary>
    /// A cmap with only the document's characters: (3,1) format 4 for the BMP and (3,10) format 12 for all.
    /// Mapping 日 alone (not also the Kangxi radical ⽇ that shares its glyph) also keeps PDF readers that
    /// derive text from the font's ToUnicode from returning radicals.
    /// </summary>
    private static byte[] BuildCmap(IReadOnlyDictionary<int, ushort> characterMap)
    {
        var all = characterMap.OrderBy(p => p.Key).ToArray();
        var bmp = all.Where(p => p.Key < 0xFFFF).ToArray();

        // Format 4: one segment per character, plus the required final 0xFFFF segment.
        var segments = bmp.Length + 1;
        var format4 = new byte[16 + (8 * segments)];
        var span = format4.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)format4.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(2 * segments));
        var power = 1;
        var log = 0;
        while (power * 2 <= segments)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(2 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)((2 * segments) - (2 * power)));
        var endCodes = 14;
        var startCodes = endCodes + (2 * segments) + 2; // + reservedPad
        var deltas = startCodes + (2 * segments);
        // idRangeOffset[] follows the deltas and stays zero: glyph = code + delta.
        for (var i = 0; i < segments; i++)
        {
            var code = i < bmp.Length ? (ushort)bmp[i].Key : (ushort)0xFFFF;
            var delta = i < bmp.Length ? unchecked((ushort)(bmp[i].Value - code)) : (ushort)1;
            BinaryPrimitives.WriteUInt16BigEndian(span[(endCodes + (2 * i))..], code);
            BinaryPrimitives.WriteUInt16BigEndian(span[(startCodes + (2 * i))..], code);
            BinaryPrimitives.WriteUInt16BigEndian(span[(deltas + (2 * i))..], delta);
        }

        // Format 12: one group per character.
        var format12 = new byte[16 + (12 * all.Length)];
        span = format12.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 12);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)format12.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], (uint)all.Length);
        for (var i = 0; i < all.Length; i++)
        {
            var group = span[(16 + (12 * i))..];
            BinaryPrimitives.WriteUInt32BigEndian(group, (uint)all[i].Key);
            BinaryPrimitives.WriteUInt32BigEndian(group[4..], (uint)all[i].Key);
            BinaryPrimitives.WriteUInt32BigEndian(group[8..], all[i].Value);
        }

        const int header = 4 + (2 * 8);
        var cmap = new byte[header + format4.Length + format12.Length];
        span = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 2);
        WriteEncodingRecord(span[4..], platform: 3, encoding: 1, offset: header);
        WriteEncodingRecord(span[12..], platform: 3, encoding: 10, offset: header + format4.Length);
        format4.CopyTo(span[header..]);
        format12.CopyTo(span[(header + format4.Length)..]);
        return cmap;

        static void WriteEncodingRecord(Span<byte> record, ushort platform, ushort encoding, int offset)
        {
            BinaryPrimitives.WriteUInt16BigEndian(record, platform);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], encoding);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], (uint)offset);
        }
    }

    /// <summary>post format 3: the same metrics header without the 110 KB of glyph names.</summary>
    private static byte[] PostFormat3(ReadOnlySpan<byte> post)
    {
        var result = post[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(result, 0x00030000);
        return result;
    }

    /// <summary>Unused glyphs have no outline, so their left side bearings are noise that compresses badly.</summary>
    private static void ClearUnusedSideBearings(byte[] hmtx, ReadOnlySpan<byte> hhea, bool[] keep)
    {
        var longMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        for (var g = 0; g < keep.Length; g++)
        {
            if (keep[g])
            {
                continue;
            }

            var at = g < longMetrics ? (4 * g) + 2 : (4 * longMetrics) + (2 * (g - longMetrics));
            if (at + 2 <= hmtx.Length)
            {
                BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan(at), 0);
            }
        }
    }

    private static byte[] WriteFont(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var directorySize = 12 + (16 * count);
        var size = directorySize + tables.Values.Sum(t => Pad4(t.Length));
        var font = new byte[size];
        var span = font.AsSpan();

        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((16 * count) - (16 * power)));

        var at = directorySize;
        var headOffset = -1;
        var index = 0;
        foreach (var (tag, data) in tables) // SortedDictionary with ordinal order: the directory must be sorted by tag
        {
            var record = span[(12 + (16 * index))..];
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(span[at..]);
            if (tag == "head")
            {
                headOffset = at;
            }

            at += Pad4(data.Length);
            index++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(ChecksumMagic - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    private static int Pad4(int length) => (length + 3) & ~3;
}
