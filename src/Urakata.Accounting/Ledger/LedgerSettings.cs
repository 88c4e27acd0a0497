using System.Text.Json.Serialization;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Ledger;

/// <summary>税抜経理 (tax split into 仮払/仮受消費税 on every line) or 税込経理 (tax stays in the amount).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaxBookkeeping>))]
public enum TaxBookkeeping
{
    Exclusive,
    Inclusive,
}

/// <summary>一般課税 (principle method) or 簡易課税 (deemed purchase rates, reference §2.6).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsumptionTaxMethod>))]
public enum ConsumptionTaxMethod
{
    General,
    Simplified,
}

/// <summary>A company's ledger settings: how tax is booked and rounded.</summary>
public sealed class LedgerSettings : CompanyEntity
{
    private LedgerSettings() { }

    public LedgerSettings(Guid companyId) => CompanyId = companyId;

    public TaxBookkeeping Bookkeeping { get; private set; } = TaxBookkeeping.Exclusive;
    public ConsumptionTaxMethod TaxMethod { get; private set; } = ConsumptionTaxMethod.General;
    /// <summary>端数処理 of tax on a line (切り捨て is what most companies choose, and the default).</summary>
    public RoundingMode Rounding { get; private set; } = RoundingMode.Truncate;
    /// <summary>簡易課税の事業区分 (1–6) for the company's main business; null under 一般課税.</summary>
    public int? SimplifiedBusinessCategory { get; private set; }

    public void Update(TaxBookkeeping bookkeeping, ConsumptionTaxMethod method, RoundingMode rounding, int? simplifiedCategory)
    {
        if (method == ConsumptionTaxMethod.Simplified && simplifiedCategory is not (>= 1 and <= 6))
        {
            throw new DomainException(AccountingMessages.SimplifiedCategoryRequired, nameof(SimplifiedBusinessCategory));
        }
        Bookkeeping = bookkeeping;
        TaxMethod = method;
        Rounding = rounding;
        SimplifiedBusinessCategory = method == ConsumptionTaxMethod.Simplified ? simplifiedCategory : null;
    }
}

public sealed record LedgerSettingsDto(TaxBookkeeping Bookkeeping, ConsumptionTaxMethod TaxMethod, RoundingMode Rounding, int? SimplifiedBusinessCategory, int Version);
