using System.Text.Json.Serialization;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Ledger;
using static Urakata.Accounting.Accounts.AccountGroup;
using M = Urakata.Accounting.AccountingMessages;

namespace Urakata.Accounting.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<StatementLineKind>))]
public enum StatementLineKind
{
    Heading,
    Account,
    Subtotal,
    Total,
}

/// <summary>A printed line of a statement: a heading, an account with its amount, or a (sub)total.</summary>
public sealed record StatementLine(StatementLineKind Kind, string Label, long? Amount, int Level, Guid? AccountId = null, string? Code = null);

/// <summary>貸借対照表 or 損益計算書 in the Japanese layout, with the figures a reader checks first.</summary>
public sealed record FinancialStatement(int FiscalYear, DateOnly From, DateOnly To, IReadOnlyList<StatementLine> Lines)
{
    public long Figure(string label) => Lines.Last(l => l.Label == label && l.Amount is not null).Amount!.Value;
}

/// <summary>
/// Builds the statements from a trial balance (which itself reads the monthly balance rows). Each account is shown on
/// its section's side, so a contra account (減価償却累計額, 売上値引) reads negative where it stands.
/// </summary>
public static class FinancialStatements
{
    /// <summary>損益計算書: 売上高 − 売上原価 = 売上総利益 … 当期純利益 (report form, 報告式).</summary>
    public static FinancialStatement ProfitAndLoss(TrialBalance tb)
    {
        var lines = new List<StatementLine>();
        var sales = Group(lines, tb, Sales, M.PlSales, M.PlSalesTotal);
        var cost = Group(lines, tb, CostOfSales, M.PlCostOfSales, M.PlCostOfSalesTotal);
        var gross = Total(lines, M.PlGrossProfit, sales - cost, StatementLineKind.Subtotal);
        var sga = Group(lines, tb, SellingGeneralAndAdministrativeExpenses, M.PlSga, M.PlSgaTotal);
        var operating = Total(lines, M.PlOperatingProfit, gross - sga, StatementLineKind.Subtotal);
        var nonOpIncome = Group(lines, tb, NonOperatingIncome, M.PlNonOperatingIncome, M.PlNonOperatingIncomeTotal);
        var nonOpExpenses = Group(lines, tb, NonOperatingExpenses, M.PlNonOperatingExpenses, M.PlNonOperatingExpensesTotal);
        var ordinary = Total(lines, M.PlOrdinaryProfit, operating + nonOpIncome - nonOpExpenses, StatementLineKind.Subtotal);
        var extraIncome = Group(lines, tb, ExtraordinaryIncome, M.PlExtraordinaryIncome, M.PlExtraordinaryIncomeTotal);
        var extraLosses = Group(lines, tb, ExtraordinaryLosses, M.PlExtraordinaryLosses, M.PlExtraordinaryLossesTotal);
        var beforeTax = Total(lines, M.PlProfitBeforeTax, ordinary + extraIncome - extraLosses, StatementLineKind.Subtotal);
        var taxes = Group(lines, tb, IncomeTaxes, M.PlIncomeTaxes, null);
        Total(lines, M.PlNetIncome, beforeTax - taxes, StatementLineKind.Total);
        return new FinancialStatement(tb.FiscalYear, tb.From, tb.To, lines);
    }

    /// <summary>当期純利益 of the trial balance's span: revenue − expenses over every P/L account.</summary>
    public static long NetIncome(TrialBalance tb) =>
        tb.Rows.Where(r => !r.IsBalanceSheet).Sum(r => r.Group.SectionOf() == AccountSection.Revenue ? SectionAmount(r) : -SectionAmount(r));

    /// <summary>
    /// 貸借対照表 (account form read top to bottom): 資産の部, 負債の部, 純資産の部. The trial balance must be cumulative
    /// from period 1 so the year's result so far stands in 繰越利益剰余金 and the two sides agree.
    /// </summary>
    public static FinancialStatement BalanceSheet(TrialBalance tb, Account retainedEarnings)
    {
        var netIncome = NetIncome(tb);
        var lines = new List<StatementLine>();
        lines.Add(new(StatementLineKind.Heading, M.BsAssets, null, 0));
        var current = Group(lines, tb, CurrentAssets, M.BsCurrentAssets, M.BsCurrentAssetsTotal, 1);
        lines.Add(new(StatementLineKind.Heading, M.BsFixedAssets, null, 1));
        var tangible = Group(lines, tb, TangibleFixedAssets, M.BsTangible, M.BsTangibleTotal, 2);
        var intangible = Group(lines, tb, IntangibleFixedAssets, M.BsIntangible, M.BsIntangibleTotal, 2);
        var investments = Group(lines, tb, InvestmentsAndOtherAssets, M.BsInvestments, M.BsInvestmentsTotal, 2);
        var fixedTotal = Total(lines, M.BsFixedAssetsTotal, tangible + intangible + investments, StatementLineKind.Subtotal, 1);
        var deferred = Group(lines, tb, DeferredAssets, M.BsDeferredAssets, M.BsDeferredAssetsTotal, 1);
        Total(lines, M.BsAssetsTotal, current + fixedTotal + deferred, StatementLineKind.Total);

        lines.Add(new(StatementLineKind.Heading, M.BsLiabilities, null, 0));
        var currentLiabilities = Group(lines, tb, CurrentLiabilities, M.BsCurrentLiabilities, M.BsCurrentLiabilitiesTotal, 1);
        var longTerm = Group(lines, tb, NonCurrentLiabilities, M.BsNonCurrentLiabilities, M.BsNonCurrentLiabilitiesTotal, 1);
        var liabilities = Total(lines, M.BsLiabilitiesTotal, currentLiabilities + longTerm, StatementLineKind.Total);

        lines.Add(new(StatementLineKind.Heading, M.BsNetAssets, null, 0));
        lines.Add(new(StatementLineKind.Heading, M.BsShareholdersEquity, null, 1));
        var capital = Group(lines, tb, ShareCapital, null, null, 2);
        var surplus = Group(lines, tb, CapitalSurplus, M.BsCapitalSurplus, M.BsCapitalSurplusTotal, 2);
        var retained = Group(lines, tb, AccountGroup.RetainedEarnings, M.BsRetainedEarnings, M.BsRetainedEarningsTotal, 2, (retainedEarnings.Id, netIncome));
        var treasury = Group(lines, tb, TreasuryShares, null, null, 2);
        var equity = Total(lines, M.BsShareholdersEquityTotal, capital + surplus + retained + treasury, StatementLineKind.Subtotal, 1);
        var valuation = Group(lines, tb, ValuationAndTranslationAdjustments, M.BsValuation, M.BsValuationTotal, 1);
        var netAssets = Total(lines, M.BsNetAssetsTotal, equity + valuation, StatementLineKind.Total);
        Total(lines, M.BsLiabilitiesAndNetAssetsTotal, liabilities + netAssets, StatementLineKind.Total);
        return new FinancialStatement(tb.FiscalYear, tb.From, tb.To, lines);
    }

    /// <summary>The account's closing figure read on its section's side (assets and expenses debit, the rest credit).</summary>
    public static long SectionAmount(TrialBalanceRow r) =>
        r.Group.NormalSide() == r.NormalSide ? r.Closing : -r.Closing;

    private static long Group(List<StatementLine> lines, TrialBalance tb, AccountGroup group, string? heading, string? total, int level = 0,
        (Guid AccountId, long Add)? extra = null)
    {
        if (heading is not null)
        {
            lines.Add(new(StatementLineKind.Heading, heading, null, level));
        }
        long sum = 0;
        var rows = tb.Rows.Where(r => r.Group == group).ToList();
        foreach (var r in rows)
        {
            var amount = SectionAmount(r) + (extra is { } e && e.AccountId == r.AccountId ? e.Add : 0);
            sum += amount;
            lines.Add(new(StatementLineKind.Account, r.Name, amount, level + 1, r.AccountId, r.Code));
        }
        if (extra is { } x && rows.All(r => r.AccountId != x.AccountId) && x.Add != 0)
        {
            sum += x.Add;
            lines.Add(new(StatementLineKind.Account, M.BsRetainedEarningsBroughtForward, x.Add, level + 1, x.AccountId));
        }
        if (total is not null)
        {
            lines.Add(new(StatementLineKind.Subtotal, total, sum, level));
        }
        return sum;
    }

    private static long Total(List<StatementLine> lines, string label, long amount, StatementLineKind kind, int level = 0)
    {
        lines.Add(new(kind, label, amount, level));
        return amount;
    }
}
