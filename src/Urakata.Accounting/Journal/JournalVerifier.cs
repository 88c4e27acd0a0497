using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Journal;

/// <summary>
/// <c>urakata verify</c> for the journal: walks each company's chain of posted entries in order, recomputes every hash
/// and names the first entry that was edited, lost a line, or is missing; then checks that the monthly balance rows
/// still add up to the lines.
/// </summary>
public sealed class JournalVerifier : IChainVerifier
{
    private const int Batch = 2000;

    private sealed record BalanceKey(Guid CompanyId, int FiscalYear, int Period, Guid AccountId, Guid SubAccountId, Guid DepartmentId, long Debit, long Credit);

    public async Task<VerificationReport> VerifyAsync(UrakataDbContext db, CancellationToken cancellationToken)
    {
        var breaks = new List<ChainBreak>();
        long rows = 0;
        var heads = await db.Set<JournalChainHead>().AsNoTracking().OrderBy(h => h.CompanyId).ToListAsync(cancellationToken);
        foreach (var head in heads)
        {
            var (checkedRows, found) = await VerifyChainAsync(db, head, cancellationToken);
            rows += checkedRows;
            found ??= await VerifyBalancesAsync(db, head.CompanyId, cancellationToken);
            if (found is not null)
            {
                breaks.Add(found);
            }
        }
        return new VerificationReport("journal", rows, breaks);
    }

    /// <summary>One company's journal: its chain, then its balances; the first break, or null when intact.</summary>
    public static async Task<ChainBreak?> VerifyCompanyAsync(UrakataDbContext db, Guid companyId, CancellationToken ct)
    {
        var head = await db.Set<JournalChainHead>().AsNoTracking().SingleOrDefaultAsync(h => h.CompanyId == companyId, ct);
        return head is null ? null : (await VerifyChainAsync(db, head, ct)).Break ?? await VerifyBalancesAsync(db, companyId, ct);
    }

    private static async Task<(long Rows, ChainBreak? Break)> VerifyChainAsync(UrakataDbContext db, JournalChainHead head, CancellationToken ct)
    {
        var expected = 1L;
        var previous = "";
        long rows = 0;
        while (true)
        {
            var from = expected;
            var batch = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Lines)
                .Where(e => e.CompanyId == head.CompanyId && e.ChainSequence >= from)
                .OrderBy(e => e.ChainSequence).Take(Batch).AsSplitQuery().ToListAsync(ct);
            foreach (var e in batch)
            {
                rows++;
                if (e.ChainSequence != expected)
                {
                    return (rows, new(head.CompanyId, expected, null,
                        string.Create(CultureInfo.InvariantCulture, $"journal entry at chain position {expected} is missing (the next one found is No.{e.Number} of FY{e.FiscalYear}, position {e.ChainSequence})")));
                }
                if (e.PreviousHash != previous)
                {
                    return (rows, new(head.CompanyId, e.ChainSequence, e.Id, Describe(e, "does not link to the entry before it")));
                }
                if (JournalHasher.Compute(e) != e.Hash)
                {
                    return (rows, new(head.CompanyId, e.ChainSequence, e.Id, Describe(e, "does not match its hash: its header or a line was changed or deleted after posting")));
                }
                previous = e.Hash;
                expected++;
            }
            if (batch.Count < Batch)
            {
                break;
            }
        }
        if (head.LastSequence != expected - 1 || head.LastHash != previous)
        {
            return (rows, new(head.CompanyId, expected, null,
                string.Create(CultureInfo.InvariantCulture, $"the journal chain ends at position {expected - 1} but its head records {head.LastSequence} entries (entries removed at the end)")));
        }
        return (rows, null);
    }

    private static async Task<ChainBreak?> VerifyBalancesAsync(UrakataDbContext db, Guid companyId, CancellationToken ct)
    {
        var fromLines = await db.Database.SqlQuery<BalanceKey>($"""
            SELECT company_id AS company_id, fiscal_year AS fiscal_year, period AS period, account_id AS account_id,
                   COALESCE(sub_account_id, {Guid.Empty}) AS sub_account_id, COALESCE(department_id, {Guid.Empty}) AS department_id,
                   SUM(debit) AS debit, SUM(credit) AS credit
            FROM acc_journal_lines WHERE company_id = {companyId}
            GROUP BY company_id, fiscal_year, period, account_id, sub_account_id, department_id
            """).ToListAsync(ct);
        var stored = await db.Set<LedgerBalance>().AsNoTracking().Where(b => b.CompanyId == companyId)
            .Select(b => new BalanceKey(b.CompanyId, b.FiscalYear, b.Period, b.AccountId, b.SubAccountId, b.DepartmentId, b.Debit, b.Credit)).ToListAsync(ct);
        var expected = fromLines.Where(k => k.Debit != 0 || k.Credit != 0).ToHashSet();
        var actual = stored.Where(k => k.Debit != 0 || k.Credit != 0).ToHashSet();
        var wrong = actual.Except(expected).Concat(expected.Except(actual)).OrderBy(k => k.FiscalYear).ThenBy(k => k.Period).FirstOrDefault();
        return wrong is null ? null : new(companyId, 0, wrong.AccountId,
            string.Create(CultureInfo.InvariantCulture, $"the monthly balance of account {wrong.AccountId} in FY{wrong.FiscalYear} period {wrong.Period} does not equal the sum of its journal lines"));
    }

    private static string Describe(JournalEntry e, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"journal entry No.{e.Number} of FY{e.FiscalYear} ({e.Date:yyyy-MM-dd}) {problem}");
}
