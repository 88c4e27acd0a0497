using Urakata.Accounting.Tax;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Accounting;

/// <summary>消費税の計算: the split of one amount, every 端数処理, both directions, both rates (reference §1.4, §2.1).</summary>
public sealed class TaxCalculationTests
{
    [Theory]
    // ¥11,000 税込 at 10% is exactly ¥1,000 whatever the rounding (a naive ×(0.1/1.1) gives 999.99… and truncates to 999).
    [InlineData(11_000, "0.10", RoundingMode.Truncate, 10_000, 1_000)]
    [InlineData(11_000, "0.10", RoundingMode.Ceiling, 10_000, 1_000)]
    // 1,100 at 8% contains 81.48…: 切り捨て 81, 四捨五入 81, 切り上げ 82.
    [InlineData(1_100, "0.08", RoundingMode.Truncate, 1_019, 81)]
    [InlineData(1_100, "0.08", RoundingMode.HalfUp, 1_019, 81)]
    [InlineData(1_100, "0.08", RoundingMode.Ceiling, 1_018, 82)]
    // 105 at 10% contains 9.545…: 9 / 10 / 10.
    [InlineData(105, "0.10", RoundingMode.Truncate, 96, 9)]
    [InlineData(105, "0.10", RoundingMode.HalfUp, 95, 10)]
    [InlineData(105, "0.10", RoundingMode.Ceiling, 95, 10)]
    // A return mirrors the sale.
    [InlineData(-105, "0.10", RoundingMode.Truncate, -96, -9)]
    [InlineData(-105, "0.10", RoundingMode.HalfUp, -95, -10)]
    // The old 5% and 8% standard rates.
    [InlineData(10_500, "0.05", RoundingMode.Truncate, 10_000, 500)]
    [InlineData(10_800, "0.08", RoundingMode.Truncate, 10_000, 800)]
    public void FromInclusive_SplitsOutTheContainedTax(long gross, string rate, RoundingMode mode, long net, long tax)
    {
        var split = TaxCalculator.FromInclusive(gross, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), mode);
        Assert.Equal((net, tax), (split.Net, split.Tax));
        Assert.Equal(gross, split.Gross);
    }

    [Theory]
    // Reference §1.4 worked example: 10% lines 1,234 + 5,678 = 6,912 → 691.2 → 691 (down); 8% 2,345 → 187.6 → 187 or 188.
    [InlineData(6_912, "0.10", RoundingMode.Truncate, 691)]
    [InlineData(6_912, "0.10", RoundingMode.HalfUp, 691)]
    [InlineData(6_912, "0.10", RoundingMode.Ceiling, 692)]
    [InlineData(2_345, "0.08", RoundingMode.Truncate, 187)]
    [InlineData(2_345, "0.08", RoundingMode.HalfUp, 188)]
    [InlineData(2_345, "0.08", RoundingMode.Ceiling, 188)]
    public void FromExclusive_AddsTheTaxRoundedOnce(long net, string rate, RoundingMode mode, long tax)
    {
        var split = TaxCalculator.FromExclusive(net, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), mode);
        Assert.Equal(net, split.Net);
        Assert.Equal(tax, split.Tax);
    }

    [Fact]
    public void RoundingPerLine_WouldDifferFromOncePerRate_WhichIsWhyTheCalculatorTakesTotals()
    {
        // §1.4: 123 + 567 = 690 per line is not permitted; the invoice's tax is 691.
        var perLine = TaxCalculator.FromExclusive(1_234, 0.10m, RoundingMode.Truncate).Tax + TaxCalculator.FromExclusive(5_678, 0.10m, RoundingMode.Truncate).Tax;
        Assert.Equal(690, perLine);
        Assert.Equal(691, TaxCalculator.FromExclusive(1_234 + 5_678, 0.10m, RoundingMode.Truncate).Tax);
    }

    [Theory]
    // 免税事業者からの仕入 ¥11,000 (10%): the tax would be 1,000; only the transitional share of it is creditable (§1.5).
    [InlineData("2023-09-30", 1_000)] // before the インボイス制度: full credit
    [InlineData("2023-10-01", 800)]
    [InlineData("2026-09-30", 800)]
    [InlineData("2026-10-01", 700)] // 令和8年度改正大綱 (unconfirmed; data)
    [InlineData("2028-10-01", 500)]
    [InlineData("2031-10-01", 0)]
    public void TransitionalCredit_FollowsThePurchaseDate(string date, long creditable)
    {
        var table = StatutoryRates.Table;
        var code = TaxCodes.Find("P-10-T")!;
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var split = TaxCalculator.FromInclusive(11_000, table.RateOn(code.RateKind, on).Rate, RoundingMode.Truncate, table.CreditableShare(code, on));
        Assert.Equal(creditable, split.Tax);
        Assert.Equal(11_000 - creditable, split.Net);
    }

    [Theory]
    [InlineData("2019-09-30", "0.08")]
    [InlineData("2019-10-01", "0.10")]
    [InlineData("2014-03-31", "0.05")]
    public void StandardRate_IsLookedUpByDate(string date, string rate) =>
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture),
            StatutoryRates.Table.RateOn(RateKind.Standard, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Rate);

    [Fact]
    public void ReducedRate_DidNotExistBefore2019_10_01() =>
        Assert.Throws<Urakata.Platform.Domain.DomainException>(() => StatutoryRates.Table.RateOn(RateKind.Reduced, new DateOnly(2019, 9, 30)));
}
