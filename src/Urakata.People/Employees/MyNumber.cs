using Urakata.Platform.Kernel;

namespace Urakata.People.Employees;

/// <summary>
/// 個人番号 (マイナンバー): 12 digits, the last one a check digit. 番号法施行令8条:
/// check = 11 − (Σ_{n=1..11} Pn × Qn mod 11), or 0 when that remainder is 0 or 1; Pn is the n-th digit counting from the
/// right of the first 11 digits, Qn = n + 1 for n ≤ 6 and n − 5 for n ≥ 7.
/// </summary>
public static class MyNumber
{
    /// <summary>Digits only: full-width digits, spaces and hyphens (as printed on the card, 1234 5678 9018) are accepted.</summary>
    public static string Normalize(string value) =>
        JapaneseText.Narrow(value).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>The check digit of the first 11 digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first11)
    {
        if (first11.Length != 11 || !IsDigits(first11))
        {
            throw new ArgumentException("Eleven digits are required.", nameof(first11));
        }
        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var p = first11[11 - n] - '0';
            var q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /// <summary>Twelve digits whose last is the check digit of the first eleven (after <see cref="Normalize"/>).</summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }
        var digits = Normalize(value);
        return digits.Length == 12 && IsDigits(digits) && CheckDigit(digits.AsSpan(0, 11)) == digits[11] - '0';
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
