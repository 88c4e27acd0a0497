using System.Globalization;
using System.Text;

namespace Urakata.Platform.Kernel;

/// <summary>Normalisation of what Japanese users type or paste.</summary>
public static class JapaneseText
{
    /// <summary>
    /// NFKC: full-width digits and letters become half-width and half-width kana become full-width,
    /// so "１２３４" from a PDF and "1234" typed by hand compare equal.
    /// </summary>
    public static string Narrow(string value) => value.Trim().Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// A key for "starts with / contains" search over names and readings: NFKC (全角/半角), hiragana as katakana,
    /// small kana as full-size (ｼﾖｳｼﾞ, しょうじ and ショウジ all find ショウジ), Latin in lower case, no spaces or 中黒.
    /// </summary>
    public static string SearchKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }
        var narrow = value.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(narrow.Length);
        foreach (var raw in narrow)
        {
            if (char.IsWhiteSpace(raw) || raw is '・' or '･')
            {
                continue;
            }
            // ぁ (U+3041) .. ゖ (U+3096) sit 0x60 below their katakana.
            var c = raw is >= '\u3041' and <= '\u3096' ? (char)(raw + 0x60) : raw;
            result.Append(LargeKana(c));
        }
        return result.ToString().ToLower(CultureInfo.InvariantCulture);
    }

    private static char LargeKana(char c) => c switch
    {
        'ァ' => 'ア',
        'ィ' => 'イ',
        'ゥ' => 'ウ',
        'ェ' => 'エ',
        'ォ' => 'オ',
        'ッ' => 'ツ',
        'ャ' => 'ヤ',
        'ュ' => 'ユ',
        'ョ' => 'ヨ',
        'ヮ' => 'ワ',
        'ヵ' => 'カ',
        'ヶ' => 'ケ',
        _ => c,
    };
}
