using System.Text.Json.Serialization;
namespace Urakata.Accounting.Accounts;

/// <summary>The five elements of the statements (資産・負債・純資産・収益・費用).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountSection>))]
public enum AccountSection
{
    Assets,
    Liabilities,
    NetAssets,
    Revenue,
    Expenses,
}

/// <summary>
/// Where an account stands on the 貸借対照表 or 損益計算書, declared in Japanese statement order (財務諸表等規則 /
/// 中小企業の会計に関する指針): the enum order is the order the statements print.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountGroup>))]
public enum AccountGroup
{
    CurrentAssets,
    TangibleFixedAssets,
    IntangibleFixedAssets,
    InvestmentsAndOtherAssets,
    DeferredAssets,
    CurrentLiabilities,
    NonCurrentLiabilities,
    ShareCapital,
    CapitalSurplus,
    RetainedEarnings,
    TreasuryShares,
    ValuationAndTranslationAdjustments,
    Sales,
    CostOfSales,
    SellingGeneralAndAdministrativeExpenses,
    NonOperatingIncome,
    NonOperatingExpenses,
    ExtraordinaryIncome,
    ExtraordinaryLosses,
    IncomeTaxes,
}

/// <summary>The side on which an account's balance normally stands (貸借区分).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BalanceSide>))]
public enum BalanceSide
{
    Debit,
    Credit,
}

public static class AccountGroups
{
    public static AccountSection SectionOf(this AccountGroup group) => group switch
    {
        <= AccountGroup.DeferredAssets => AccountSection.Assets,
        <= AccountGroup.NonCurrentLiabilities => AccountSection.Liabilities,
        <= AccountGroup.ValuationAndTranslationAdjustments => AccountSection.NetAssets,
        AccountGroup.Sales or AccountGroup.NonOperatingIncome or AccountGroup.ExtraordinaryIncome => AccountSection.Revenue,
        _ => AccountSection.Expenses,
    };

    /// <summary>True for 貸借対照表 accounts (carried forward at year end); false for 損益計算書 accounts (closed into 繰越利益剰余金).</summary>
    public static bool IsBalanceSheet(this AccountGroup group) => group <= AccountGroup.ValuationAndTranslationAdjustments;

    /// <summary>The usual side of the group (a contra account such as 減価償却累計額 overrides it per account).</summary>
    public static BalanceSide NormalSide(this AccountGroup group) => group.SectionOf() switch
    {
        AccountSection.Assets or AccountSection.Expenses => BalanceSide.Debit,
        _ => BalanceSide.Credit,
    };
}

/// <summary>An account the ledger itself needs to find (the tax split, the year-end close).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountRole>))]
public enum AccountRole
{
    None,
    /// <summary>仮払消費税等: the tax on purchases under 税抜経理.</summary>
    InputTax,
    /// <summary>仮受消費税等: the tax on sales under 税抜経理.</summary>
    OutputTax,
    /// <summary>繰越利益剰余金: the year's result is carried into it at the close.</summary>
    RetainedEarnings,
}
