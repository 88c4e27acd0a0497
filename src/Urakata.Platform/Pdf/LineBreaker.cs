using System.Text;

namespace Urakata.Platform.Pdf;

/// <summary>
/// Greedy line breaking for Japanese with Latin mixed in: a line may break between any two Japanese
/// characters and after spaces, never inside a Latin word or number (unless the word alone is too wide),
/// and respects the basic 禁則 rules (JIS X 4051): no 、。）」ー or small kana at the start of a line, no
/// （「 at its end.
/// </summary>
internal static class LineBreaker
{
    // 行頭禁則: may not start a line.
    private const string NoLineStart =
        "、。，．,.・：；:;？！?!゛゜ヽヾゝゞ々〻ー‐–—〜～…‥）)］]｝}〕〉》」』】〙〗〟’”｠»%％" +
        "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ";

    // 行末禁則: may not end a line.
    private const string NoLineEnd = "（(［[｛{〔〈《「『【〘〖〝‘“｟«¥￥$＄#＃";

    /// <summary>
    /// Splits <paramref name="text"/> into lines no wider than <paramref name="maxWidthEm"/> (in ems of the
    /// font size). Newlines always break; a blank line gives an empty line.
    /// </summary>
    public static List<ShapedText> Wrap(JapaneseFont font, string text, double maxWidthEm)
    {
        var lines = new List<ShapedText>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            WrapParagraph(font.Shape(paragraph), maxWidthEm, lines);
        }

        return lines;
    }

    private static void WrapParagraph(ShapedText shaped, double maxWidthEm, List<ShapedText> lines)
    {
        var utf8 = shaped.Utf8;
        if (shaped.IsEmpty)
        {
            lines.Add(ShapedText.Empty);
            return;
        }

        var runes = new List<(int Offset, Rune Rune)>();
        for (var at = 0; at < utf8.Length;)
        {
            Rune.DecodeFromUtf8(utf8.AsSpan(at), out var rune, out var length);
            runes.Add((at, rune));
            at += length;
        }

        var start = 0;
        while (start < runes.Count)
        {
            var lineStart = runes[start].Offset;
            var startPen = shaped.PenAt(lineStart);
            int? lastFitBreak = null; // rune index where the next line would start
            int? lastFitCluster = null;
            for (var next = start + 1; next <= runes.Count; next++)
            {
                var endOffset = next < runes.Count ? runes[next].Offset : utf8.Length;
                if (!shaped.IsClusterStart(endOffset))
                {
                    continue;
                }

                var contentEnd = TrimTrailingSpaces(runes, start, next);
                var width = shaped.PenAt(contentEnd) - startPen;
                if (width > maxWidthEm + 1e-6)
                {
                    break;
                }

                lastFitCluster = next;
                if (next == runes.Count || CanBreakBetween(runes[next - 1].Rune, runes[next].Rune))
                {
                    lastFitBreak = next;
                }
            }

            // No allowed break fits: cut the word at the last cluster that fits, or after one cluster.
            var end = lastFitBreak ?? lastFitCluster ?? FirstClusterEnd(shaped, runes, start);
            lines.Add(shaped.Slice(lineStart, TrimTrailingSpaces(runes, start, end)));
            start = end;
            while (start < runes.Count && IsSpace(runes[start].Rune))
            {
                start++; // a wrapped line does not start with the spaces it broke at
            }
        }
    }

    private static int TrimTrailingSpaces(List<(int Offset, Rune Rune)> runes, int start, int end)
    {
        while (end > start && IsSpace(runes[end - 1].Rune))
        {
            end--;
        }

        return end == runes.Count ? LastOffset(runes) : runes[end].Offset;

        static int LastOffset(List<(int Offset, Rune Rune)> runes) =>
            runes[^1].Offset + runes[^1].Rune.Utf8SequenceLength;
    }

    private static int FirstClusterEnd(ShapedText shaped, List<(int Offset, Rune Rune)> runes, int start)
    {
        var end = start + 1;
        while (end < runes.Count && !shaped.IsClusterStart(runes[end].Offset))
        {
            end++;
        }

        return end;
    }

    private static bool CanBreakBetween(Rune before, Rune after)
    {
        if (IsSpace(after))
        {
            return false; // break after the run of spaces instead
        }

        if (IsSpace(before))
        {
            return true;
        }

        if (Contains(NoLineStart, after) || Contains(NoLineEnd, before))
        {
            return false;
        }

        return IsJapanese(before) || IsJapanese(after);
    }

    private static bool Contains(string set, Rune rune) => rune.IsBmp && set.Contains((char)rune.Value, StringComparison.Ordinal);

    private static bool IsSpace(Rune rune) => rune.Value is ' ' or '\t' or '\u3000';

    private static bool IsJapanese(Rune rune) => rune.Value switch
    {
        >= 0x2460 and <= 0x24FF => true, // ①…
        >= 0x2E80 and <= 0x303F => true, // radicals, CJK symbols and punctuation
        >= 0x3040 and <= 0x31FF => true, // kana
        >= 0x3200 and <= 0x9FFF => true, // enclosed, compatibility, ideographs
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFF00 and <= 0xFFEF => true, // full-width and half-width forms
        >= 0x20000 and <= 0x3FFFF => true,
        _ => false,
    };
}
