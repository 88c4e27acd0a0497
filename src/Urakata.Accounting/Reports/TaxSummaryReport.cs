using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Tax;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Reports;

/// <summary>
/// One 税区分 and rate in the 消費税集計表: the amounts without and with tax and the tax booked. For purchases from
/// non-registered suppliers <see cref="FullTax"/> is the tax the price contained and <see cref="Tax"/> the creditable
/// transitional share (80%, 70%, 50%…); for other codes the two are equal.
/// </summary>
public sealed record TaxSummaryRow(string TaxCode, string Name, TaxDirection Direction, TaxTreatment Treatment, decimal? Rate, long Net, long Gross, long Tax, long FullTax);

public sealed record TaxSummary(int FiscalYear, int FromPeriod, int ToPeriod, TaxBookkeeping Bookkeeping, IReadOnlyList<TaxSummaryRow> Rows)
{
    /// <summary>仮受消費税 on sales net of returns.</summary>
    public long OutputTax => Rows.Where(r => r.Direction == TaxDirection.Sales).Sum(r => r.Tax);
    /// <summary>控除対象仕入税額 as booked (before any 課税売上割合 adjustment).</summary>
    public long InputTax => Rows.Where(r => r.Direction == TaxDirection.Purchase).Sum(r => r.Tax);
}

/// <summary>消費税集計表 by tax code and rate (reference §2.7), read from the journal lines of the span.</summary>
public sealed class TaxSummaryReport(UrakataDbContext db, LedgerContext ledger)
{
    private sealed record Sum(string TaxCode, decimal? TaxRate, long Debit, long Credit, long DebitTax, long CreditTax);

    public async Task<TaxSummary> RunAsync(int fiscalYear, int from, int to, CancellationToken ct = default)
    {
        if (from is < 1 or > 12 || to < from || to > 12)
        {
            throw new DomainException(AccountingMessages.PeriodInvalid, "period");
        }
        var context = await ledger.LoadAsync(ct);
        var companyId = context.Company.Id;
        var sums = await db.Database.SqlQuery<Sum>($"""
            SELECT tax_code AS tax_code, tax_rate AS tax_rate, SUM(debit) AS debit, SUM(credit) AS credit,
                   SUM(CASE WHEN debit > 0 THEN tax_amount ELSE 0 END) AS debit_tax, SUM(CASE WHEN credit > 0 THEN tax_amount ELSE 0 END) AS credit_tax
            FROM acc_journal_lines
            WHERE company_id = {companyId} AND fiscal_year = {fiscalYear} AND period >= {from} AND period <= {to}
              AND tax_code IS NOT NULL AND is_tax_line = {false}
            GROUP BY tax_code, tax_rate
            """).ToListAsync(ct);
        var inclusive = context.Settings.Bookkeeping == TaxBookkeeping.Inclusive;
        var rows = new List<TaxSummaryRow>();
        foreach (var s in sums)
        {
            var code = TaxCodes.Find(s.TaxCode);
            if (code is null)
            {
                continue;
            }
            var sign = code.Direction == TaxDirection.Purchase ? 1 : -1;
            var amount = sign * (s.Debit - s.Credit);
            var tax = sign * (s.DebitTax - s.CreditTax);
            var (net, gross) = code.Treatment == TaxTreatment.Import ? (0L, tax) : inclusive ? (amount - tax, amount) : (amount, amount + tax);
            var fullTax = code.Treatment == TaxTreatment.Transitional && s.TaxRate is { } rate
                ? TaxCalculator.FromInclusive(gross, rate, RoundingMode.Truncate).Tax : tax;
            rows.Add(new TaxSummaryRow(code.Code, code.Name, code.Direction, code.Treatment, s.TaxRate, net, gross, tax, fullTax));
        }
        var order = TaxCodes.All.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return new TaxSummary(fiscalYear, from, to, context.Settings.Bookkeeping,
            [.. rows.OrderBy(r => order[r.TaxCode]).ThenByDescending(r => r.Rate)]);
    }
}
