using System.Globalization;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class MoneyFormatterTests
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData(1_234_567, "¥1,234,567")]
    [InlineData(-1_234, "-¥1,234")]
    [InlineData(0, "¥0")]
    public void Format_YenInJapanese_UsesHalfWidthYenSign(long amount, string expected)
    {
        Assert.Equal(expected, MoneyFormatter.Format(Money.Yen(amount), Japanese));
    }

    [Theory]
    [InlineData(1_234_567, "¥1,234,567")]
    [InlineData(-1_234, "-¥1,234")]
    public void Format_YenInEnglish_HasNoDecimals(long amount, string expected)
    {
        Assert.Equal(expected, MoneyFormatter.Format(Money.Yen(amount), English));
    }

    [Theory]
    [InlineData(123_456, "$1,234.56")]
    [InlineData(-123_456, "-$1,234.56")]
    [InlineData(5, "$0.05")]
    public void Format_UsdInEnglish_UsesTwoMinorDigits(long cents, string expected)
    {
        Assert.Equal(expected, MoneyFormatter.Format(Money.Of(cents, "USD"), English));
    }

    [Fact]
    public void Format_EuroInGerman_UsesCulturePattern()
    {
        var text = MoneyFormatter.Format(Money.Of(123_456, "EUR"), CultureInfo.GetCultureInfo("de-DE"));

        Assert.StartsWith("1.234,56", text, StringComparison.Ordinal);
        Assert.EndsWith("€", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_UnknownCurrency_UsesCodeAndTwoDigits()
    {
        Assert.Equal("CHF1,234.50", MoneyFormatter.Format(Money.Of(123_450, "CHF"), English));
    }

    [Theory]
    [InlineData(1_234_567, "1,234,567円")]
    [InlineData(-1_234, "-1,234円")]
    [InlineData(0, "0円")]
    public void FormatYenSuffix_GroupsThousands(long amount, string expected)
    {
        Assert.Equal(expected, MoneyFormatter.FormatYenSuffix(Money.Yen(amount)));
    }

    [Fact]
    public void FormatYenSuffix_NotYen_Throws()
    {
        Assert.Throws<ArgumentException>(() => MoneyFormatter.FormatYenSuffix(Money.Of(100, "USD")));
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("XYZ", 2)]
    public void MinorDigits_KnownAndDefault(string currency, int expected)
    {
        Assert.Equal(expected, MoneyFormatter.MinorDigits(currency));
    }
}
