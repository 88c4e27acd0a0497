using Urakata.Accounting.Accounts;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Reports;

/// <summary>One account in the 残高試算表: balances on the account's normal side, movements as debits and credits.</summary>
public sealed record TrialBalanceRow(Guid AccountId, string Code, string Name, AccountGroup Group, BalanceSide NormalSide, long Opening, long Debit, long Credit, long Closing)
{
    public bool IsBalanceSheet => Group.IsBalanceSheet();
}

/// <summary>
/// 合計残高試算表 for periods <see cref="FromPeriod"/>–<see cref="ToPeriod"/> of a fiscal year: monthly (from = to) or
/// cumulative (from 1). A row's <see cref="TrialBalanceRow.Opening"/> is the balance brought forward into the first period.
/// </summary>
public sealed record TrialBalance(int FiscalYear, int FromPeriod, int ToPeriod, DateOnly From, DateOnly To, IReadOnlyList<TrialBalanceRow> Rows)
{
    public long TotalDebit => Rows.Sum(r => r.Debit);
    public long TotalCredit => Rows.Sum(r => r.Credit);
    /// <summary>Σ closing debit balances − Σ closing credit balances over every account: zero in a balanced book.</summary>
    public long ClosingDifference => Rows.Sum(r => r.NormalSide == BalanceSide.Debit ? r.Closing : -r.Closing);
}

public sealed class TrialBalanceReport(UrakataDbContext db, LedgerContext ledger, FiscalYears years)
{
    /// <summary>The trial balance of <paramref name="fiscalYear"/> over periods <paramref name="from"/>..<paramref name="to"/> (1–12), optionally for one 部門.</summary>
    public async Task<TrialBalance> RunAsync(int fiscalYear, int from, int to, Guid? departmentId = null, CancellationToken ct = default)
    {
        if (from is < 1 or > 12 || to < from || to > 12)
        {
            throw new DomainException(AccountingMessages.PeriodInvalid, "period");
        }
        var context = await ledger.LoadAsync(ct);
        var year = await years.ForYearAsync(fiscalYear, ct);
        var sums = await BalanceQueries.SumsAsync(db, context.Company.Id, fiscalYear, from, to, departmentId, ct);
        var rows = sums
            .Select(s => (Sum: s, Account: context.Accounts[s.AccountId]))
            .Where(x => x.Sum.Before != 0 || x.Sum.Debit != 0 || x.Sum.Credit != 0)
            .OrderBy(x => x.Account.Group).ThenBy(x => x.Account.Code, StringComparer.Ordinal)
            .Select(x => new TrialBalanceRow(x.Account.Id, x.Account.Code, x.Account.Name, x.Account.Group, x.Account.NormalSide,
                x.Account.Signed(x.Sum.Before), x.Sum.Debit, x.Sum.Credit, x.Account.Signed(x.Sum.Before + x.Sum.Debit - x.Sum.Credit)))
            .ToList();
        return new TrialBalance(fiscalYear, from, to, year.PeriodStart(from), year.PeriodEnd(to), rows);
    }
}
