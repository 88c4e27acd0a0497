using System.Text;

namespace Urakata.Platform.Tabular;

/// <summary>
/// Shift_JIS as Windows and Japanese accounting software write it (CP932), strict both ways: a character CP932 lacks
/// is either mapped to the one Japanese software means by it or reported, never replaced by '?'.
/// </summary>
public static class ShiftJis
{
    /// <summary>CP932 with exception fallbacks: the built-in replacement fallback would write '?' silently.</summary>
    public static Encoding Encoding { get; } = Create();

    // The characters that differ between the JIS X 0208 and Microsoft's CP932 tables (text from macOS or a JIS-based
    // converter carries the former), and Latin-1 signs that CP932 has only in full width. Anything else CP932 lacks
    // (𠮷 and other characters outside JIS X 0208, €, é, EN DASH) has no agreed stand-in and is reported.
    private static readonly Dictionary<char, char> Substitutes = new()
    {
        ['\u301C'] = '\uFF5E', // WAVE DASH 〜 → FULLWIDTH TILDE ～ (JIS 0x8160)
        ['\u2212'] = '\uFF0D', // MINUS SIGN − → FULLWIDTH HYPHEN-MINUS － (0x817C)
        ['\u2014'] = '\u2015', // EM DASH — → HORIZONTAL BAR ― (0x815C)
        ['\u2016'] = '\u2225', // DOUBLE VERTICAL LINE ‖ → PARALLEL TO ∥ (0x8161)
        ['\u00A2'] = '\uFFE0', // CENT SIGN ¢ → ￠ (0x8191)
        ['\u00A3'] = '\uFFE1', // POUND SIGN £ → ￡ (0x8192)
        ['\u00AC'] = '\uFFE2', // NOT SIGN ¬ → ￢ (0x81CA)
        ['\u00A6'] = '\uFFE4', // BROKEN BAR ¦ → ￤ (0xFA55)
        ['\u00A5'] = '\uFFE5', // YEN SIGN ¥ → ￥ (0x818F); 0x5C would read back as a backslash
        ['\u203E'] = '\uFFE3', // OVERLINE ‾ → ￣ (0x8150)
        ['\u00A0'] = ' ',      // NO-BREAK SPACE (pasted from web pages) → SPACE, as NFKC does
    };

    /// <summary>Replaces the characters that have a CP932 stand-in; returns <paramref name="text"/> itself when none occur.</summary>
    public static string Map(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\u00A0', '\uFFFF');
        if (first < 0)
        {
            return text;
        }
        StringBuilder? result = null;
        for (var i = first; i < text.Length; i++)
        {
            if (Substitutes.TryGetValue(text[i], out var substitute))
            {
                result ??= new StringBuilder(text, 0, i, text.Length);
                result.Append(substitute);
            }
            else
            {
                result?.Append(text[i]);
            }
        }
        return result?.ToString() ?? text;
    }

    /// <summary>The code points of <paramref name="text"/> that CP932 cannot encode, each once, in order of appearance.</summary>
    public static IReadOnlyList<int> Unencodable(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return [];
        }
        List<int>? found = null;
        var start = 0;
        while (start < text.Length)
        {
            try
            {
                Encoding.GetByteCount(text.AsSpan(start));
                break;
            }
            catch (EncoderFallbackException ex)
            {
                var codePoint = ex.CharUnknownHigh != '\0' ? char.ConvertToUtf32(ex.CharUnknownHigh, ex.CharUnknownLow) : ex.CharUnknown;
                found ??= [];
                if (!found.Contains(codePoint))
                {
                    found.Add(codePoint);
                }
                start += Math.Max(ex.Index, 0) + (ex.CharUnknownHigh != '\0' ? 2 : 1);
            }
        }
        return found ?? [];
    }

    private static Encoding Create()
    {
        // Registering twice is harmless; .NET itself only ships UTF-8/16/32, ASCII and Latin-1.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
