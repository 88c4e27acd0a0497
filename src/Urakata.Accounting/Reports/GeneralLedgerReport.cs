using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Reports;

/// <summary>A line of the 総勘定元帳 / 補助元帳 with its 相手科目 (諸口 when the other side has several accounts) and the running balance.</summary>
public sealed record LedgerLine(Guid EntryId, long EntryNumber, DateOnly Date, int LineNo, string Counterpart, string Description, long Debit, long Credit,
    long Balance, string? TaxCode, long TaxAmount, Guid? SubAccountId, Guid? PartnerId, Guid? DepartmentId);

/// <summary>A page of one account's ledger (optionally one 補助科目) over periods of a fiscal year; balances on the account's normal side.</summary>
public sealed record GeneralLedgerPage(Guid AccountId, string AccountCode, string AccountName, Guid? SubAccountId, int FiscalYear, DateOnly From, DateOnly To,
    long Opening, IReadOnlyList<LedgerLine> Lines, string? NextCursor);

/// <summary>
/// 総勘定元帳 and 補助元帳. The balance brought forward comes from the monthly balance rows; the lines come in (date,
/// number, line) order from the line index, a page at a time (keyset), so the first page of a busy account costs the
/// same at a thousand entries and at a million.
/// </summary>
public sealed class GeneralLedgerReport(UrakataDbContext db, LedgerContext ledger, FiscalYears years)
{
    public const int MaxPageSize = 1000;

    private sealed record Row(Guid EntryId, int LineNo, long EntryNumber, DateOnly Date, long Debit, long Credit, Guid? SubAccountId, Guid? PartnerId,
        Guid? DepartmentId, string? TaxCode, long TaxAmount, string Description);

    private sealed record Other(Guid EntryId, Guid AccountId, long Debit);

    public Task<GeneralLedgerPage> PageAsync(string accountCode, int fiscalYear, int fromPeriod, int toPeriod, string? subAccountCode = null,
        string? after = null, int pageSize = 100, CancellationToken ct = default) =>
        PageAsync(accountCode, fiscalYear, fromPeriod, toPeriod, subAccountCode, after, pageSize, null, ct);

    /// <param name="carried">The running balance at <paramref name="after"/> when the caller already knows it (an export reading page after page).</param>
    private async Task<GeneralLedgerPage> PageAsync(string accountCode, int fiscalYear, int fromPeriod, int toPeriod, string? subAccountCode,
        string? after, int pageSize, long? carried, CancellationToken ct)
    {
        var context = await ledger.LoadAsync(ct);
        var account = context.AccountByCode(accountCode) ?? throw new NotFoundException("Account");
        SubAccount? sub = null;
        if (!string.IsNullOrWhiteSpace(subAccountCode))
        {
            sub = context.SubAccountByCode(account.Id, subAccountCode) ?? throw new NotFoundException("Sub-account");
        }
        if (fromPeriod is < 1 or > 12 || toPeriod < fromPeriod || toPeriod > 12)
        {
            throw new DomainException(AccountingMessages.PeriodInvalid, "period");
        }
        var year = await years.ForYearAsync(fiscalYear, ct);
        var (from, to) = (year.PeriodStart(fromPeriod), year.PeriodEnd(toPeriod));
        var companyId = context.Company.Id;
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var subId = sub?.Id;
        var anySub = subId is null;
        var opening = account.Signed(await db.Database.SqlQuery<long>($"""
            SELECT COALESCE(SUM(debit - credit), 0) AS "Value" FROM acc_balances
            WHERE company_id = {companyId} AND fiscal_year = {fiscalYear} AND period < {fromPeriod} AND account_id = {account.Id}
              AND ({anySub} OR sub_account_id = {subId ?? Guid.Empty})
            """).SingleAsync(ct));
        var cursor = KeysetCursor.Parse(after);
        var (cDate, cNumber, cLine) = cursor is { } c ? (c.Date, c.First, c.Second) : (from.AddDays(-1), 0L, 0L);
        // The page boundary is a row-value comparison, so both databases seek the line index
        // (company, account, date, number, line) to the cursor instead of filtering from the start of the span.
        var subFilter = subId is null ? "" : " AND sub_account_id = {6}";
        // The first page has no boundary at all: PostgreSQL then walks the index in order and stops at the LIMIT, where a
        // boundary before the first row made it estimate the whole account and sort it (0.7 s for 500k lines).
        var boundary = cursor is null ? "" : " AND (date, entry_number, line_no) > ({4}, {5}, {7})";
        object[] args = [companyId, account.Id, from, to, cDate, cNumber, subId ?? Guid.Empty, (int)cLine, size + 1];
        var rows = await db.Database.SqlQuery<Row>(FormattableStringFactory.Create($$"""
            SELECT entry_id AS entry_id, line_no AS line_no, entry_number AS entry_number, date AS date, debit AS debit, credit AS credit,
                   sub_account_id AS sub_account_id, partner_id AS partner_id, department_id AS department_id, tax_code AS tax_code,
                   tax_amount AS tax_amount, description AS description
            FROM acc_journal_lines
            WHERE company_id = {0} AND account_id = {1} AND date >= {2} AND date <= {3}{{subFilter}}{{boundary}}
            ORDER BY date, entry_number, line_no
            LIMIT {8}
            """, args)).ToListAsync(ct);
        var balance = carried ?? opening;
        if (cursor is not null && carried is null)
        {
            balance += account.Signed(await db.Database.SqlQuery<long>(FormattableStringFactory.Create($$"""
                SELECT COALESCE(SUM(debit - credit), 0) AS "Value" FROM acc_journal_lines
                WHERE company_id = {0} AND account_id = {1} AND date >= {2} AND date <= {3}{{subFilter}}
                  AND (date, entry_number, line_no) <= ({4}, {5}, {7})
                """, args)).SingleAsync(ct));
        }
        var more = rows.Count > size;
        var page = rows.Take(size).ToList();
        var counterparts = await CounterpartsAsync(page, context, ct);
        var lines = new List<LedgerLine>(page.Count);
        foreach (var r in page)
        {
            balance += account.Signed(r.Debit - r.Credit);
            lines.Add(new LedgerLine(r.EntryId, r.EntryNumber, r.Date, r.LineNo, counterparts(r), r.Description, r.Debit, r.Credit, balance,
                r.TaxCode, r.TaxAmount, r.SubAccountId, r.PartnerId, r.DepartmentId));
        }
        var next = more ? new KeysetCursor(page[^1].Date, page[^1].EntryNumber, page[^1].LineNo).ToString() : null;
        return new GeneralLedgerPage(account.Id, account.Code, account.Name, subId, fiscalYear, from, to, opening, lines, next);
    }

    /// <summary>Every line of the span, page after page (for exports).</summary>
    public async IAsyncEnumerable<LedgerLine> AllAsync(string accountCode, int fiscalYear, int fromPeriod, int toPeriod, string? subAccountCode,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        long? balance = null;
        do
        {
            // The balance runs on from the previous page instead of being summed again up to each cursor.
            var page = await PageAsync(accountCode, fiscalYear, fromPeriod, toPeriod, subAccountCode, after, MaxPageSize, balance, ct);
            foreach (var line in page.Lines)
            {
                yield return line;
                balance = line.Balance;
            }
            after = page.NextCursor;
        }
        while (after is not null);
    }

    private async Task<Func<Row, string>> CounterpartsAsync(List<Row> page, LedgerContext.Loaded context, CancellationToken ct)
    {
        var ids = page.Select(r => r.EntryId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return _ => "";
        }
        var others = await db.Set<JournalLine>().AsNoTracking().Where(l => ids.Contains(l.EntryId))
            .Select(l => new Other(l.EntryId, l.AccountId, l.Debit)).ToListAsync(ct);
        var byEntry = others.ToLookup(o => o.EntryId);
        return r =>
        {
            var mySide = r.Debit > 0;
            var opposite = byEntry[r.EntryId].Where(o => o.Debit > 0 != mySide).Select(o => o.AccountId).Distinct().ToList();
            return opposite.Count switch
            {
                0 => "",
                1 => context.Accounts[opposite[0]].Name,
                _ => AccountingMessages.Miscellaneous,
            };
        };
    }
}
