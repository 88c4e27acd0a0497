using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Ledger;

/// <summary>
/// 決算締め: closing a fiscal year posts the next year's 期首残高 — every balance-sheet balance (per 補助科目 and 部門)
/// carried forward, and the year's result carried into 繰越利益剰余金 — and locks the year. Reopening (an administrator's
/// audited action) reverses that carry-forward entry and unlocks the year; closing again posts a fresh one.
/// </summary>
public sealed class YearEndClose(UrakataDbContext db, LedgerContext ledger, FiscalYears years, JournalPosting posting, TimeProvider clock)
{
    public async Task<FiscalYear> CloseAsync(int fiscalYear, CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        return await db.InTransactionAsync(async t =>
        {
            var year = await years.ForYearAsync(fiscalYear, t);
            if (await db.Set<FiscalYear>().AnyAsync(y => y.Year < fiscalYear && y.Status == FiscalYearStatus.Open, t))
            {
                throw new ConflictException(AccountingMessages.CloseEarlierYearFirst);
            }
            if (year.Status == FiscalYearStatus.Closed)
            {
                throw new ConflictException(AccountingMessages.FiscalYearClosed);
            }
            var next = await years.ForYearAsync(fiscalYear + 1, t);
            var balances = await db.Set<LedgerBalance>().AsNoTracking()
                .Where(b => b.CompanyId == context.Company.Id && b.FiscalYear == fiscalYear)
                .GroupBy(b => new { b.AccountId, b.SubAccountId, b.DepartmentId })
                .Select(g => new { g.Key.AccountId, g.Key.SubAccountId, g.Key.DepartmentId, Net = g.Sum(b => b.Debit - b.Credit) })
                .ToListAsync(t);
            var lines = new List<PostingLine>();
            long result = 0;
            foreach (var b in balances.Where(b => b.Net != 0).OrderBy(b => context.Accounts[b.AccountId].Code, StringComparer.Ordinal))
            {
                var account = context.Accounts[b.AccountId];
                if (!account.Group.IsBalanceSheet())
                {
                    result -= b.Net; // revenue is a credit balance: the year's profit is −Σ(debit − credit) over the P/L accounts
                    continue;
                }
                lines.Add(new PostingLine(account, b.Net > 0 ? BalanceSide.Debit : BalanceSide.Credit, Math.Abs(b.Net),
                    b.SubAccountId == Guid.Empty ? null : context.SubAccounts[b.SubAccountId],
                    b.DepartmentId == Guid.Empty ? null : b.DepartmentId, Description: AccountingMessages.BroughtForward));
            }
            if (result != 0)
            {
                lines.Add(new PostingLine(context.RetainedEarnings, result > 0 ? BalanceSide.Credit : BalanceSide.Debit, Math.Abs(result),
                    Description: AccountingMessages.ResultCarriedForward(fiscalYear)));
            }
            Guid? carried = null;
            if (lines.Count >= 2)
            {
                var entry = JournalEntry.Create(next, next.StartDate, EntryKind.Opening, AccountingMessages.CarryForwardDescription(fiscalYear), lines, "close");
                await posting.SaveAsync(entry, t);
                carried = entry.Id;
            }
            year.Close(clock.GetUtcNow().UtcDateTime, carried);
            await db.SaveChangesAsync(t);
            return year;
        }, ct);
    }

    /// <summary>Reopens a closed year (the next year must still be open); <paramref name="reason"/> is kept with the reversal of the carry-forward.</summary>
    public async Task<FiscalYear> ReopenAsync(int fiscalYear, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(AccountingMessages.ReasonRequired, nameof(reason));
        }
        return await db.InTransactionAsync(async t =>
        {
            var year = await years.ForYearAsync(fiscalYear, t);
            if (await db.Set<FiscalYear>().AnyAsync(y => y.Year > fiscalYear && y.Status == FiscalYearStatus.Closed, t))
            {
                throw new ConflictException(AccountingMessages.ReopenLaterYearFirst);
            }
            var carried = year.CarryForwardEntryId;
            year.Reopen();
            await db.SaveChangesAsync(t);
            if (carried is { } id)
            {
                await posting.ReverseAsync(id, null, AccountingMessages.ReopenDescription(fiscalYear, reason.Trim()), t);
            }
            return year;
        }, ct);
    }
}
