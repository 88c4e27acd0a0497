using System.Text.Json.Serialization;
namespace Urakata.Accounting.Tax;

/// <summary>Sales side, purchase side, or neither (balance-sheet movements).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaxDirection>))]
public enum TaxDirection
{
    None,
    Sales,
    Purchase,
}

/// <summary>Which rate of the effective-dated rate table applies.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RateKind>))]
public enum RateKind
{
    None,
    /// <summary>標準税率 (10% since 2019-10-01).</summary>
    Standard,
    /// <summary>軽減税率 (8% since 2019-10-01).</summary>
    Reduced,
}

/// <summary>How a tax code is treated in the 消費税集計表 and the return (reference §2.4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaxTreatment>))]
public enum TaxTreatment
{
    /// <summary>課税: the amount contains tax at the code's rate.</summary>
    Taxable,
    /// <summary>課税仕入 from a non-registered supplier: a transitional share of the tax is creditable (§1.5).</summary>
    Transitional,
    /// <summary>課税仕入 without an invoice outside every relief: no credit.</summary>
    NonCreditable,
    /// <summary>輸入: the line is the consumption tax paid at customs itself.</summary>
    Import,
    /// <summary>免税 (export, zero-rated): counts in 課税売上割合, no tax.</summary>
    ZeroRated,
    /// <summary>非課税.</summary>
    Exempt,
    /// <summary>不課税・対象外.</summary>
    OutOfScope,
}

/// <summary>
/// A 税区分. The categories are the reference's set (§2.4; "S-10" etc. are its labels); their rates are not here but
/// in <see cref="TaxRate"/> rows keyed by date, and the transitional credit share in <see cref="TransitionalCreditRate"/>.
/// </summary>
public sealed record TaxCode(string Code, string Name, string EnglishName, TaxDirection Direction, RateKind RateKind, TaxTreatment Treatment, bool IsReturn = false)
{
    /// <summary>Whether the line carries consumption tax that is split out (税抜) or recorded (税込).</summary>
    public bool CarriesTax => RateKind != RateKind.None && Treatment is TaxTreatment.Taxable or TaxTreatment.Transitional or TaxTreatment.NonCreditable;
}

public static class TaxCodes
{
    public static IReadOnlyList<TaxCode> All { get; } =
    [
        new("S-10", "課税売上10%", "Taxable sales 10%", TaxDirection.Sales, RateKind.Standard, TaxTreatment.Taxable),
        new("S-08R", "課税売上8%(軽減)", "Taxable sales 8% (reduced)", TaxDirection.Sales, RateKind.Reduced, TaxTreatment.Taxable),
        new("S-RET-10", "売上返還等10%", "Sales returns 10%", TaxDirection.Sales, RateKind.Standard, TaxTreatment.Taxable, IsReturn: true),
        new("S-RET-08R", "売上返還等8%(軽減)", "Sales returns 8% (reduced)", TaxDirection.Sales, RateKind.Reduced, TaxTreatment.Taxable, IsReturn: true),
        new("S-EX", "輸出免税売上", "Zero-rated export sales", TaxDirection.Sales, RateKind.None, TaxTreatment.ZeroRated),
        new("S-NT", "非課税売上", "Exempt sales", TaxDirection.Sales, RateKind.None, TaxTreatment.Exempt),
        new("S-OUT", "不課税売上", "Sales outside the scope", TaxDirection.Sales, RateKind.None, TaxTreatment.OutOfScope),
        new("P-10", "課税仕入10%", "Taxable purchases 10%", TaxDirection.Purchase, RateKind.Standard, TaxTreatment.Taxable),
        new("P-08R", "課税仕入8%(軽減)", "Taxable purchases 8% (reduced)", TaxDirection.Purchase, RateKind.Reduced, TaxTreatment.Taxable),
        new("P-10-T", "課税仕入10%(経過措置)", "Purchases 10% from non-registered suppliers (transitional)", TaxDirection.Purchase, RateKind.Standard, TaxTreatment.Transitional),
        new("P-08R-T", "課税仕入8%(軽減・経過措置)", "Purchases 8% from non-registered suppliers (transitional)", TaxDirection.Purchase, RateKind.Reduced, TaxTreatment.Transitional),
        new("P-10-NC", "課税仕入10%(控除対象外)", "Purchases 10%, not creditable", TaxDirection.Purchase, RateKind.Standard, TaxTreatment.NonCreditable),
        new("P-RET-10", "仕入返還等10%", "Purchase returns 10%", TaxDirection.Purchase, RateKind.Standard, TaxTreatment.Taxable, IsReturn: true),
        new("P-RET-08R", "仕入返還等8%(軽減)", "Purchase returns 8% (reduced)", TaxDirection.Purchase, RateKind.Reduced, TaxTreatment.Taxable, IsReturn: true),
        new("P-IMP", "輸入(税関に納付した消費税)", "Import consumption tax paid at customs", TaxDirection.Purchase, RateKind.None, TaxTreatment.Import),
        new("P-NT", "非課税仕入", "Exempt purchases", TaxDirection.Purchase, RateKind.None, TaxTreatment.Exempt),
        new("P-OUT", "不課税仕入", "Purchases outside the scope", TaxDirection.Purchase, RateKind.None, TaxTreatment.OutOfScope),
    ];

    private static readonly Dictionary<string, TaxCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static TaxCode? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var found) ? found : null;
}
