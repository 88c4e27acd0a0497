using System.Globalization;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class MoneyTests
{
    [Fact]
    public void Yen_CreatesJpyAmount()
    {
        var money = Money.Yen(1_234);

        Assert.Equal(1_234, money.Amount);
        Assert.Equal("JPY", money.Currency);
    }

    [Fact]
    public void Default_IsZeroYen()
    {
        Assert.Equal(Money.Yen(0), default(Money));
        Assert.Equal(Money.Yen(5), default(Money) + Money.Yen(5));
    }

    [Theory]
    [InlineData("jpy")]
    [InlineData("JP")]
    [InlineData("JPYY")]
    [InlineData("")]
    [InlineData("12A")]
    [InlineData("ＪＰＹ")]
    public void Of_InvalidCurrency_Throws(string currency)
    {
        Assert.Throws<ArgumentException>(() => Money.Of(100, currency));
    }

    [Fact]
    public void Of_ValidCurrency_KeepsIt()
    {
        Assert.Equal("USD", Money.Of(199, "USD").Currency);
        Assert.Equal(Money.Of(0, "EUR"), Money.Zero("EUR"));
    }

    [Fact]
    public void Operators_SameCurrency_Compute()
    {
        var a = Money.Yen(1_000);
        var b = Money.Yen(300);

        Assert.Equal(Money.Yen(1_300), a + b);
        Assert.Equal(Money.Yen(700), a - b);
        Assert.Equal(Money.Yen(-1_000), -a);
        Assert.Equal(Money.Yen(3_000), a * 3);
        Assert.Equal(Money.Yen(3_000), 3 * a);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a >= Money.Yen(1_000));
        Assert.True(b <= Money.Yen(300));
    }

    [Fact]
    public void Add_CurrencyMismatch_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Money.Yen(100) + Money.Of(100, "USD"));

        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("JPY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubtractAndCompare_CurrencyMismatch_Throw()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Yen(100) - Money.Of(100, "EUR"));
        Assert.Throws<InvalidOperationException>(() => Money.Yen(100) < Money.Of(100, "EUR"));
    }

    [Fact]
    public void Equality_DifferentCurrencies_NotEqual()
    {
        Assert.NotEqual(Money.Yen(100), Money.Of(100, "USD"));
    }

    [Fact]
    public void Add_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.Yen(long.MaxValue) + Money.Yen(1));
    }

    [Fact]
    public void Subtract_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.Yen(long.MinValue) - Money.Yen(1));
    }

    [Fact]
    public void Multiply_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.Yen(long.MaxValue / 2) * 3);
    }

    [Fact]
    public void Negate_MinValue_Throws()
    {
        Assert.Throws<OverflowException>(() => -Money.Yen(long.MinValue));
    }

    [Fact]
    public void Sum_AddsEveryAmount()
    {
        var total = Money.Sum([Money.Yen(100), Money.Yen(250), Money.Yen(-50)]);

        Assert.Equal(Money.Yen(300), total);
    }

    [Fact]
    public void Sum_Empty_ThrowsUnlessCurrencyGiven()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Sum([]));
        Assert.Equal(Money.Zero("USD"), Money.Sum([], "USD"));
    }

    [Fact]
    public void Sum_MixedCurrencies_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Sum([Money.Yen(1), Money.Of(1, "USD")]));
        Assert.Throws<InvalidOperationException>(() => Money.Sum([Money.Yen(1)], "USD"));
    }

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(-100, new long[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(10, new long[] { 1, 2 }, new long[] { 3, 7 })]
    [InlineData(1_000, new long[] { 3, 7 }, new long[] { 300, 700 })]
    [InlineData(5, new long[] { 1, 1, 1, 1, 1, 1, 1 }, new long[] { 1, 1, 1, 1, 1, 0, 0 })]
    [InlineData(100, new long[] { 0, 1 }, new long[] { 0, 100 })]
    [InlineData(2, new long[] { 1, 1, 1 }, new long[] { 1, 1, 0 })]
    [InlineData(0, new long[] { 1, 2 }, new long[] { 0, 0 })]
    public void Allocate_SplitsByLargestRemainder(long amount, long[] ratios, long[] expected)
    {
        var parts = Money.Yen(amount).Allocate(ratios);

        Assert.Equal(expected, parts.Select(p => p.Amount));
        Assert.Equal(Money.Yen(amount), Money.Sum(parts));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(9_999_999_999)]
    public void Allocate_ExtremeAmounts_KeepsTotal(long amount)
    {
        var parts = Money.Yen(amount).Allocate(long.MaxValue, 3, long.MaxValue / 7);

        Assert.Equal(Money.Yen(amount), Money.Sum(parts));
    }

    [Fact]
    public void Allocate_KeepsCurrency()
    {
        Assert.All(Money.Of(1_001, "USD").Allocate(1, 1), p => Assert.Equal("USD", p.Currency));
    }

    [Fact]
    public void Allocate_InvalidRatios_Throw()
    {
        var money = Money.Yen(100);

        Assert.Throws<ArgumentException>(() => money.Allocate());
        Assert.Throws<ArgumentException>(() => money.Allocate(0, 0));
        Assert.Throws<ArgumentException>(() => money.Allocate(2, -1));
    }

    // ¥1,055 at 10% is ¥105.5; ¥1,001 at 10% is ¥100.1. Negatives (返品) mirror the positives.
    [Theory]
    [InlineData(1_055, "0.10", RoundingMode.Truncate, 105)]
    [InlineData(1_055, "0.10", RoundingMode.HalfUp, 106)]
    [InlineData(1_055, "0.10", RoundingMode.Ceiling, 106)]
    [InlineData(1_001, "0.10", RoundingMode.Truncate, 100)]
    [InlineData(1_001, "0.10", RoundingMode.HalfUp, 100)]
    [InlineData(1_001, "0.10", RoundingMode.Ceiling, 101)]
    [InlineData(-1_055, "0.10", RoundingMode.Truncate, -105)]
    [InlineData(-1_055, "0.10", RoundingMode.HalfUp, -106)]
    [InlineData(-1_055, "0.10", RoundingMode.Ceiling, -106)]
    [InlineData(-1_001, "0.10", RoundingMode.Truncate, -100)]
    [InlineData(-1_001, "0.10", RoundingMode.HalfUp, -100)]
    [InlineData(-1_001, "0.10", RoundingMode.Ceiling, -101)]
    [InlineData(1_050, "0.10", RoundingMode.Ceiling, 105)]
    [InlineData(1_080, "0.08", RoundingMode.Truncate, 86)]
    [InlineData(1_100, "1.10", RoundingMode.HalfUp, 1_210)]
    public void MultiplyRate_RoundsByMode(long amount, string rate, RoundingMode mode, long expected)
    {
        var result = Money.Yen(amount).MultiplyRate(decimal.Parse(rate, CultureInfo.InvariantCulture), mode);

        Assert.Equal(Money.Yen(expected), result);
    }

    [Fact]
    public void MultiplyRate_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.Yen(long.MaxValue).MultiplyRate(2m, RoundingMode.Truncate));
    }

    [Fact]
    public void MultiplyRate_UnknownMode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Yen(100).MultiplyRate(0.1m, (RoundingMode)42));
    }

    [Fact]
    public void ToString_IsCultureIndependent()
    {
        Assert.Equal("-1234567 JPY", Money.Yen(-1_234_567).ToString());
    }
}
