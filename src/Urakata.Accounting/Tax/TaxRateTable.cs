using Urakata.Platform.Domain;

namespace Urakata.Accounting.Tax;

/// <summary>The effective-dated rate rows, loaded once and asked by date.</summary>
public sealed class TaxRateTable(IReadOnlyList<TaxRate> rates, IReadOnlyList<TransitionalCreditRate> transitional)
{
    public IReadOnlyList<TaxRate> Rates { get; } = rates;
    public IReadOnlyList<TransitionalCreditRate> Transitional { get; } = transitional;

    /// <summary>The rate of <paramref name="kind"/> on <paramref name="date"/>; a kind not in force then (軽減税率 before 2019-10-01) is refused.</summary>
    public TaxRate RateOn(RateKind kind, DateOnly date) =>
        Rates.FirstOrDefault(r => r.Kind == kind && r.ValidFrom <= date && (r.ValidTo is null || date <= r.ValidTo))
        ?? throw new DomainException(AccountingMessages.TaxRateNotInForce, "taxCode");

    /// <summary>The creditable share of the tax on a purchase from a non-registered supplier made on <paramref name="date"/> (§1.5).</summary>
    public decimal TransitionalShareOn(DateOnly date) =>
        Transitional.FirstOrDefault(r => r.ValidFrom <= date && (r.ValidTo is null || date <= r.ValidTo))?.Share ?? 0m;

    /// <summary>The share that applies to a line of <paramref name="code"/> on <paramref name="date"/>: 1 for a normal taxable line.</summary>
    public decimal CreditableShare(TaxCode code, DateOnly date) => code.Treatment switch
    {
        TaxTreatment.Transitional => TransitionalShareOn(date),
        TaxTreatment.NonCreditable => 0m,
        _ => 1m,
    };
}

/// <summary>The rates as the law gave them (reference §2.1, §1.5): the seed of the rate tables, also used by tests and the bench.</summary>
public static class StatutoryRates
{
    public static IReadOnlyList<TaxRate> Rates { get; } =
    [
        new() { Id = 1, Kind = RateKind.Standard, ValidFrom = new(1997, 4, 1), ValidTo = new(2014, 3, 31), Rate = 0.05m, NationalRate = 0.04m },
        new() { Id = 2, Kind = RateKind.Standard, ValidFrom = new(2014, 4, 1), ValidTo = new(2019, 9, 30), Rate = 0.08m, NationalRate = 0.063m },
        new() { Id = 3, Kind = RateKind.Standard, ValidFrom = new(2019, 10, 1), ValidTo = null, Rate = 0.10m, NationalRate = 0.078m },
        new() { Id = 4, Kind = RateKind.Reduced, ValidFrom = new(2019, 10, 1), ValidTo = null, Rate = 0.08m, NationalRate = 0.0624m },
    ];

    public static IReadOnlyList<TransitionalCreditRate> Transitional { get; } =
    [
        // Before the インボイス制度 every purchase with a 区分記載請求書 earned the full credit.
        new() { Id = 1, ValidFrom = new(1989, 4, 1), ValidTo = new(2023, 9, 30), Share = 1.00m, Confirmed = true, Source = "before 2023-10-01 (区分記載請求書等保存方式)" },
        new() { Id = 2, ValidFrom = new(2023, 10, 1), ValidTo = new(2026, 9, 30), Share = 0.80m, Confirmed = true, Source = "平成28年改正法附則52条 (reference §1.5)" },
        // 令和8年度税制改正大綱 (cabinet 2025-12-26): 70% / 50% / 50% / 30%. The enactment is unconfirmed (reference §9.1);
        // under the law before the reform these periods are 50% / 50% / 0% / 0%. Data, so an administrator can correct it.
        new() { Id = 3, ValidFrom = new(2026, 10, 1), ValidTo = new(2028, 9, 30), Share = 0.70m, Confirmed = false, Source = "令和8年度改正大綱 (unconfirmed; pre-reform law: 50%)" },
        new() { Id = 4, ValidFrom = new(2028, 10, 1), ValidTo = new(2029, 9, 30), Share = 0.50m, Confirmed = true, Source = "50% under both the law and the 大綱" },
        new() { Id = 5, ValidFrom = new(2029, 10, 1), ValidTo = new(2030, 9, 30), Share = 0.50m, Confirmed = false, Source = "令和8年度改正大綱 (unconfirmed; pre-reform law: 0%)" },
        new() { Id = 6, ValidFrom = new(2030, 10, 1), ValidTo = new(2031, 9, 30), Share = 0.30m, Confirmed = false, Source = "令和8年度改正大綱 (unconfirmed; pre-reform law: 0%)" },
        new() { Id = 7, ValidFrom = new(2031, 10, 1), ValidTo = null, Share = 0m, Confirmed = true, Source = "no transitional credit" },
    ];

    public static TaxRateTable Table { get; } = new(Rates, Transitional);
}
