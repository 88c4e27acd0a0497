using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Tax;

/// <summary>A tax-included amount split into the part without tax and the tax (本体 + 消費税).</summary>
public readonly record struct TaxSplit(long Net, long Tax)
{
    public long Gross => checked(Net + Tax);
}

/// <summary>
/// Consumption tax on one amount. The division is done once on the exact product (gross × rate ÷ (1 + rate)), so
/// ¥11,000 at 10% is exactly ¥1,000 and never ¥999.99… truncated to ¥999; the company's 端数処理 applies once.
/// </summary>
public static class TaxCalculator
{
    /// <summary>税込 → 本体 + 税 (11,000 at 10% → 10,000 + 1,000). <paramref name="creditableShare"/> &lt; 1 keeps only that share as tax (経過措置 80%: 11,000 → 10,200 + 800).</summary>
    public static TaxSplit FromInclusive(long gross, decimal rate, RoundingMode rounding, decimal creditableShare = 1m)
    {
        if (rate == 0)
        {
            return new(gross, 0);
        }
        var tax = Round(gross * rate * creditableShare / (1 + rate), rounding);
        return new(checked(gross - tax), tax);
    }

    /// <summary>税抜 → 本体 + 税 (10,000 at 10% → 10,000 + 1,000).</summary>
    public static TaxSplit FromExclusive(long net, decimal rate, RoundingMode rounding) =>
        new(net, rate == 0 ? 0 : Round(net * rate, rounding));

    private static long Round(decimal exact, RoundingMode mode) => Money.Yen(1).MultiplyRate(exact, mode).Amount;
}
