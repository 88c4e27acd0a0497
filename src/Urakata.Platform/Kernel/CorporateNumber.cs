using System.Diagnostics.CodeAnalysis;

namespace Urakata.Platform.Kernel;

/// <summary>法人番号 (corporate number): 13 digits, the first being a check digit over the other 12 (NTA spec).</summary>
public static class CorporateNumber
{
    public const int Length = 13;

    private const int BaseLength = Length - 1;

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: Length }
        && IsAsciiDigits(value)
        && value[0] - '0' == CheckDigitOf(value.AsSpan(1));

    /// <summary>The check digit (1–9) for a 12-digit base number.</summary>
    public static int ComputeCheckDigit(string twelveDigitBase)
    {
        ArgumentNullException.ThrowIfNull(twelveDigitBase);
        if (twelveDigitBase.Length != BaseLength || !IsAsciiDigits(twelveDigitBase))
        {
            throw new ArgumentException(
                $"A 法人番号 base number is {BaseLength} ASCII digits; got '{twelveDigitBase}'.",
                nameof(twelveDigitBase));
        }

        return CheckDigitOf(twelveDigitBase);
    }

    internal static bool IsAsciiDigits(ReadOnlySpan<char> value) =>
        !value.ContainsAnyExceptInRange('0', '9');

    // Check digit = 9 − (Σ Pn × Qn mod 9), Pn the n-th base digit counted from the right, Qn = 1 for odd n, 2 for even.
    private static int CheckDigitOf(ReadOnlySpan<char> baseDigits)
    {
        var sum = 0;
        for (var n = 1; n <= BaseLength; n++)
        {
            var digit = baseDigits[BaseLength - n] - '0';
            sum += n % 2 == 1 ? digit : digit * 2;
        }

        return 9 - (sum % 9);
    }
}
