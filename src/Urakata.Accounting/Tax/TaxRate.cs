namespace Urakata.Accounting.Tax;

/// <summary>
/// 消費税率 for one rate kind over a period (reference §2.1). Rates change (and the reduced rate may become 0% for
/// food: §0), so they are rows keyed by date, not constants. Not company-owned: the law is the same for everyone.
/// </summary>
public sealed class TaxRate
{
    public int Id { get; set; }
    public RateKind Kind { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day the rate applied; null while it still does.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>Total rate (0.10 = 10%).</summary>
    public decimal Rate { get; set; }
    /// <summary>The national part (国税: 7.8% of 10%); the rest is 地方消費税.</summary>
    public decimal NationalRate { get; set; }
}

/// <summary>
/// 免税事業者等からの仕入れに係る経過措置: the share of the tax a buyer may credit on a purchase from a non-registered
/// supplier, by purchase date (reference §1.5). <see cref="Confirmed"/> is false where the reference could not confirm the
/// law (the 令和8年度改正 70%/30% steps): the figures are data an administrator can correct.
/// </summary>
public sealed class TransitionalCreditRate
{
    public int Id { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>0.80 = 80% of the tax is creditable.</summary>
    public decimal Share { get; set; }
    public bool Confirmed { get; set; }
    public string Source { get; set; } = "";
}
