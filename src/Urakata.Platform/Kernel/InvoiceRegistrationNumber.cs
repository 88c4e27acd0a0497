using System.Diagnostics.CodeAnalysis;

namespace Urakata.Platform.Kernel;

/// <summary>適格請求書発行事業者の登録番号: "T" followed by 13 digits.</summary>
public static class InvoiceRegistrationNumber
{
    public const int Length = 1 + CorporateNumber.Length;

    /// <summary>
    /// Format only. A corporation's number is T + its 法人番号, but individuals get a number newly
    /// assigned by the NTA, and whether that one follows the 法人番号 check-digit rule is unconfirmed
    /// (reference §1.3, §9), so a check-digit test could reject a genuine supplier. Confirm a number
    /// against the NTA 公表サイト instead. Call <see cref="Normalize"/> first on pasted input.
    /// </summary>
    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: Length }
        && value[0] == 'T'
        && CorporateNumber.IsAsciiDigits(value.AsSpan(1));

    /// <summary>
    /// Trims and turns full-width digits and Ｔ/ｔ/t into "T" + ASCII digits: numbers copied from PDF
    /// invoices often arrive as "ｔ１２３…". Anything else is left as is for <see cref="IsValid"/> to reject.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return string.Create(trimmed.Length, trimmed, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = ToHalfWidth(source[i]);
            }
        });
    }

    private static char ToHalfWidth(char c) => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        'Ｔ' or 'ｔ' or 't' => 'T',
        _ => c,
    };
}
