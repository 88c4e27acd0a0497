using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Partners;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Journal;

public sealed record JournalLineDto(int LineNo, long Debit, long Credit, string AccountCode, string AccountName, string? SubAccountCode, string? SubAccountName,
    string? DepartmentCode, string? DepartmentName, string? PartnerCode, string? PartnerName, string? TaxCode, decimal? TaxRate, long TaxAmount, bool IsTaxLine, string Description);

public sealed record JournalEntryDto(Guid Id, int FiscalYear, long Number, DateOnly Date, EntryKind Kind, string Description, long TotalAmount,
    Guid? ReversalOf, Guid? ReversedBy, string Source, DateTime PostedAt, string PostedByName, IReadOnlyList<JournalLineDto> Lines, IReadOnlyList<Guid> EvidenceFileIds);

/// <summary>
/// 仕訳の検索 as the 電帳法 requires (取引年月日・取引金額・取引先, each a range where it makes sense, combinable) plus account,
/// department, text in 摘要 and entry number.
/// </summary>
public sealed record JournalSearch(DateOnly? From = null, DateOnly? To = null, long? MinAmount = null, long? MaxAmount = null, string? PartnerCode = null,
    string? AccountCode = null, string? DepartmentCode = null, string? Text = null, int? FiscalYear = null, long? Number = null, string? After = null, int PageSize = 50);

public sealed record JournalPage(IReadOnlyList<JournalEntryDto> Entries, string? NextCursor);

/// <summary>Reads posted entries: one by id, or pages of a search in date and number order.</summary>
public sealed class JournalQueries(UrakataDbContext db, LedgerContext ledger)
{
    public const int MaxPageSize = 500;

    public async Task<JournalEntryDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        var entry = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException("Journal entry");
        return (await ToDtosAsync([entry], ct))[0];
    }

    public async Task<JournalPage> SearchAsync(JournalSearch search, CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        var size = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var query = db.Set<JournalEntry>().AsNoTracking().Where(e => e.CompanyId == context.Company.Id);
        if (search.From is { } from)
        {
            query = query.Where(e => e.Date >= from);
        }
        if (search.To is { } to)
        {
            query = query.Where(e => e.Date <= to);
        }
        if (search.MinAmount is { } min)
        {
            query = query.Where(e => e.TotalAmount >= min);
        }
        if (search.MaxAmount is { } max)
        {
            query = query.Where(e => e.TotalAmount <= max);
        }
        if (search.FiscalYear is { } fy)
        {
            query = query.Where(e => e.FiscalYear == fy);
        }
        if (search.Number is { } number)
        {
            query = query.Where(e => e.Number == number);
        }
        if (!string.IsNullOrWhiteSpace(search.AccountCode))
        {
            var account = context.AccountByCode(search.AccountCode)?.Id ?? Guid.Empty;
            query = query.Where(e => e.Lines.Any(l => l.AccountId == account));
        }
        if (!string.IsNullOrWhiteSpace(search.PartnerCode))
        {
            var code = Platform.Kernel.JapaneseText.Narrow(search.PartnerCode);
            var partner = await db.Set<Partner>().Where(p => p.Code == code).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;
            query = query.Where(e => e.Lines.Any(l => l.PartnerId == partner));
        }
        if (!string.IsNullOrWhiteSpace(search.DepartmentCode))
        {
            var code = Platform.Kernel.JapaneseText.Narrow(search.DepartmentCode);
            var department = await db.Departments.Where(d => d.Code == code).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;
            query = query.Where(e => e.Lines.Any(l => l.DepartmentId == department));
        }
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            query = query.Where(e => e.Description.Contains(text) || e.Lines.Any(l => l.Description.Contains(text)));
        }
        if (KeysetCursor.Parse(search.After) is { } cursor)
        {
            var (afterDate, afterYear, afterNumber) = (cursor.Date, (int)cursor.First, cursor.Second);
            query = query.Where(e => e.Date > afterDate || (e.Date == afterDate && e.FiscalYear > afterYear)
                || (e.Date == afterDate && e.FiscalYear == afterYear && e.Number > afterNumber));
        }
        var entries = await query.OrderBy(e => e.Date).ThenBy(e => e.FiscalYear).ThenBy(e => e.Number).Take(size + 1)
            .Include(e => e.Lines).AsSplitQuery().ToListAsync(ct);
        var more = entries.Count > size;
        var page = entries.Take(size).ToList();
        var next = more ? new KeysetCursor(page[^1].Date, page[^1].FiscalYear, page[^1].Number).ToString() : null;
        return new JournalPage(await ToDtosAsync(page, ct), next);
    }

    internal async Task<List<JournalEntryDto>> ToDtosAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        var context = await ledger.LoadAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var lines = entries.SelectMany(e => e.Lines).ToList();
        var departmentIds = lines.Where(l => l.DepartmentId is not null).Select(l => l.DepartmentId!.Value).Distinct().ToList();
        var departments = departmentIds.Count == 0 ? [] : await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var partnerIds = lines.Where(l => l.PartnerId is not null).Select(l => l.PartnerId!.Value).Distinct().ToList();
        var partners = partnerIds.Count == 0 ? [] : await db.Set<Partner>().AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var reversals = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.ReversalOf != null && ids.Contains(e.ReversalOf.Value))
            .Select(e => new { Original = e.ReversalOf!.Value, e.Id }).ToDictionaryAsync(x => x.Original, x => x.Id, ct);
        var evidence = (await db.Set<EntryEvidence>().AsNoTracking().Where(x => ids.Contains(x.EntryId)).ToListAsync(ct))
            .ToLookup(x => x.EntryId, x => x.FileId);
        return [.. entries.Select(e => new JournalEntryDto(e.Id, e.FiscalYear, e.Number, e.Date, e.Kind, e.Description, e.TotalAmount, e.ReversalOf,
            reversals.TryGetValue(e.Id, out var by) ? by : null, e.Source, e.PostedAt, e.PostedByName,
            [.. e.Lines.OrderBy(l => l.LineNo).Select(l =>
            {
                var account = context.Accounts[l.AccountId];
                var sub = l.SubAccountId is { } s ? context.SubAccounts[s] : null;
                var dept = l.DepartmentId is { } d && departments.TryGetValue(d, out var dd) ? dd : null;
                var partner = l.PartnerId is { } p && partners.TryGetValue(p, out var pp) ? pp : null;
                return new JournalLineDto(l.LineNo, l.Debit, l.Credit, account.Code, account.Name, sub?.Code, sub?.Name, dept?.Code, dept?.Name,
                    partner?.Code, partner?.Name, l.TaxCode, l.TaxRate, l.TaxAmount, l.IsTaxLine, l.Description);
            })],
            [.. evidence[e.Id]]))];
    }
}
