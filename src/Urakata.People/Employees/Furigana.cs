using System.Text;

namespace Urakata.People.Employees;

/// <summary>
/// フリガナ as HR keeps it: full-width katakana with spaces between family and given name. What was typed in hiragana or
/// half-width kana is converted (やまだ たろう, ﾔﾏﾀﾞ ﾀﾛｳ → ヤマダ タロウ); anything else (kanji, Latin) is refused.
/// </summary>
public static class Furigana
{
    public static string Normalize(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var raw in value.Normalize(NormalizationForm.FormKC))
        {
            result.Append(raw switch
            {
                >= '\u3041' and <= '\u3096' => (char)(raw + 0x60),
                '\u3000' => ' ',
                _ => raw,
            });
        }
        return string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The first character that is not katakana, ー, ・ or a space, or null.</summary>
    public static char? FirstInvalid(string normalized)
    {
        foreach (var c in normalized)
        {
            if (c is not ((>= '\u30A1' and <= '\u30FA') or '\u30FC' or '\u30FB' or '\u30FD' or '\u30FE' or ' '))
            {
                return c;
            }
        }
        return null;
    }
}
