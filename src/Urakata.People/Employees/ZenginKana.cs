using System.Text;

namespace Urakata.People.Employees;

/// <summary>
/// The characters a 全銀 kana field (受取人名, the 口座名義 the bank checks) may hold, and the normalisation banks expect
/// (reference jp-accounting-tax-banking §4.5): half-width katakana ｱ–ﾝ with ﾞ ﾟ, digits, A–Z, space and ( ) . - /; full-width
/// and hiragana become half-width katakana, small kana become large (ｷﾕｳﾖ), lower case upper, ・ becomes . and ー becomes -.
/// ｦ, ｰ, ¥ and , are accepted by some banks only, so they are refused here.
/// </summary>
public static class ZenginKana
{
    /// <summary>受取人名 is 30 characters in the 総合振込 / 給与振込 data record (§4.3).</summary>
    public const int MaxLength = 30;

    private const string FullKana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンァィゥェォッャュョヮヵヶヰヱヲ";
    private const string HalfKana = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝｱｲｳｴｵﾂﾔﾕﾖﾜｶｹｲｴｦ";
    // Half-width small kana ｧｨｩｪｫｬｭｮｯ are written large.
    private const string HalfSmall = "ｧｨｩｪｫｬｭｮｯ";
    private const string HalfLarge = "ｱｲｳｴｵﾔﾕﾖﾂ";

    /// <summary>What a person typed (ヤマダ　タロウ, やまだ たろう, ﾔﾏﾀﾞ ﾀﾛｳ) as the bank's form: ﾔﾏﾀﾞ ﾀﾛｳ.</summary>
    public static string Normalize(string value)
    {
        var result = new StringBuilder(value.Length + 4);
        // NFD splits ガ into カ + U+3099, so the voiced mark can follow as ﾞ.
        foreach (var raw in value.Normalize(NormalizationForm.FormD))
        {
            var c = raw is >= '\u3041' and <= '\u3096' ? (char)(raw + 0x60) : raw;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            var kana = FullKana.IndexOf(c, StringComparison.Ordinal);
            var small = HalfSmall.IndexOf(c, StringComparison.Ordinal);
            result.Append(c switch
            {
                _ when kana >= 0 => HalfKana[kana],
                _ when small >= 0 => HalfLarge[small],
                '\u3099' or '゛' => 'ﾞ',
                '\u309A' or '゜' => 'ﾟ',
                'ー' or 'ｰ' or '－' or '‐' or '−' => '-',
                '・' or '･' => '.',
                '\u3000' => ' ',
                _ => char.ToUpperInvariant(c),
            });
        }
        return string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The first character a bank would refuse, or null when every one is allowed.</summary>
    public static char? FirstInvalid(string normalized)
    {
        foreach (var c in normalized)
        {
            if (!IsAllowed(c))
            {
                return c;
            }
        }
        return null;
    }

    private static bool IsAllowed(char c) =>
        c is (>= '\uFF71' and <= '\uFF9F') or (>= '0' and <= '9') or (>= 'A' and <= 'Z') or ' ' or '(' or ')' or '.' or '-' or '/';
}
