using System.Globalization;

namespace Urakata.Platform.Kernel;

/// <summary>Turns <see cref="Money"/> into text for people. Never parse these strings back.</summary>
public static class MoneyFormatter
{
    private const string YenSign = "\u00A5";

    /// <summary>ISO 4217 minor-unit digits; only the currencies we meet are listed, the rest default to 2.</summary>
    public static int MinorDigits(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency switch
        {
            "JPY" => 0,
            "USD" or "EUR" => 2,
            _ => 2,
        };
    }

    /// <summary>
    /// Formats with the culture's currency pattern and separators but the money's own currency symbol
    /// and minor digits: JPY is "¥1,234,567" / "-¥1,234" in ja and en alike, USD in en-US "$1,234.56".
    /// </summary>
    public static string Format(Money money, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var digits = MinorDigits(money.Currency);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();

        // The culture's own symbol belongs to the culture's currency: en-US would print "$" for yen.
        // U+00A5, not ja-JP's full-width U+FFE5, so text matches across platforms and fonts.
        format.CurrencySymbol = Symbol(money.Currency);
        format.CurrencyDecimalDigits = digits;
        return ToMajorUnits(money.Amount, digits).ToString("C", format);
    }

    /// <summary>The 円 suffix used on Japanese invoices and 見積書: "1,234,567円", "-1,234円".</summary>
    public static string FormatYenSuffix(Money money)
    {
        if (!string.Equals(money.Currency, "JPY", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"FormatYenSuffix needs a JPY amount, not {money.Currency}.", nameof(money));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{money.Amount:N0}円");
    }

    private static string Symbol(string currency) => currency switch
    {
        "JPY" => YenSign,
        "USD" => "$",
        "EUR" => "\u20AC",
        "GBP" => "\u00A3",
        _ => currency,
    };

    // decimal division by a power of ten is exact, so no rounding ever happens here.
    private static decimal ToMajorUnits(long amount, int digits)
    {
        decimal divisor = 1;
        for (var i = 0; i < digits; i++)
        {
            divisor *= 10;
        }

        return amount / divisor;
    }
}
