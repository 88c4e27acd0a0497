using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Data;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Tax;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Numbering;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Journal;

/// <summary>
/// 仕訳の転記: the one path every posting takes (the entry form, the API, imports of single entries, recurring entries,
/// other modules). In one transaction: resolve codes, split tax, apply the posting rules, take the gap-free number,
/// extend the hash chain, write the entry and add it to the monthly balances.
/// </summary>
public sealed class JournalPosting(UrakataDbContext db, LedgerContext ledger, FiscalYears years, NumberingService numbers, CurrentUser user, TimeProvider clock)
{
    public const string NumberKind = "journal";

    public Task<JournalEntry> PostAsync(JournalEntryInput input, CancellationToken ct = default) =>
        PostAsync(input, EntryKind.Normal, "manual", null, ct);

    /// <summary>
    /// Posts <paramref name="input"/>. With a <paramref name="sourceKey"/> the posting is idempotent: the entry already
    /// posted under that key is returned instead of a second one (a recurring month, an approved claim).
    /// </summary>
    public async Task<JournalEntry> PostAsync(JournalEntryInput input, EntryKind kind, string source, string? sourceKey, CancellationToken ct = default) =>
        await db.InTransactionAsync(async t =>
        {
            if (sourceKey is not null && await FindBySourceAsync(source, sourceKey, t) is { } existing)
            {
                return existing;
            }
            var entry = await PrepareAsync(input, kind, source, sourceKey, t);
            await SaveAsync(entry, t);
            return entry;
        }, ct);

    /// <summary>
    /// Everything posting checks — codes, tax split, the posting rules, the fiscal year and its locks — without writing the
    /// entry: an import checks every entry of a file this way before it posts any.
    /// </summary>
    public async Task<JournalEntry> PrepareAsync(JournalEntryInput input, EntryKind kind = EntryKind.Normal, string source = "manual", string? sourceKey = null,
        CancellationToken ct = default)
    {
        // A client that sends no lines gets "needs two lines", not a crash.
        input = input with { Lines = input.Lines ?? [] };
        var context = await ledger.LoadAsync(ct);
        var resolved = await ResolveAsync(input, context, ct);
        var lines = TaxSplitter.Split(resolved, input.Date, context.Settings, context.Rates, context.InputTax, context.OutputTax);
        var year = kind == EntryKind.Opening
            ? await years.ForYearAsync(context.Company.FiscalYearOf(input.Date), ct)
            : await years.ForDateAsync(input.Date, ct);
        return JournalEntry.Create(year, input.Date, kind, input.Description, lines, source, sourceKey);
    }

    /// <summary>逆仕訳: cancels <paramref name="entryId"/> with a mirrored entry dated <paramref name="date"/> (default: the original's date).</summary>
    public async Task<JournalEntry> ReverseAsync(Guid entryId, DateOnly? date, string? reason, CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        return await db.InTransactionAsync(async t =>
        {
            var original = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.Id == entryId, t)
                ?? throw new NotFoundException("Journal entry");
            if (await db.Set<JournalEntry>().AnyAsync(e => e.ReversalOf == entryId, t))
            {
                throw new ConflictException(AccountingMessages.AlreadyReversed);
            }
            var on = date ?? original.Date;
            var year = original.Kind == EntryKind.Opening ? await years.ForYearAsync(original.FiscalYear, t) : await years.ForDateAsync(on, t);
            var reversal = original.Reverse(year, on, context.Accounts, context.SubAccounts, reason);
            await SaveAsync(reversal, t);
            return reversal;
        }, ct);
    }

    /// <summary>Seals and writes an entry built by <see cref="JournalEntry.Create"/>; the caller's transaction must be open.</summary>
    internal async Task SaveAsync(JournalEntry entry, CancellationToken ct)
    {
        var number = await numbers.TakeAsync(NumberKind, entry.FiscalYear, ct);
        var (sequence, previous) = await ReserveChainAsync(entry.CompanyId, 1, ct);
        entry.Seal(number, sequence, previous, clock.GetUtcNow().UtcDateTime, user.UserId, user.DisplayName ?? user.UserName ?? "system");
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        await SetChainHashAsync(entry.CompanyId, entry.Hash, ct);
        await BalanceWriter.AddAsync(db, entry.Lines.ToList(), ct);
        db.Entry(entry).State = EntityState.Detached;
        foreach (var line in entry.Lines)
        {
            db.Entry(line).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Locks the chain head (row lock on PostgreSQL, the write lock on SQLite) and takes the next <paramref name="count"/>
    /// positions: the first of them and the hash the first entry links to. The caller sets the head's hash afterwards.
    /// </summary>
    internal async Task<(long Sequence, string PreviousHash)> ReserveChainAsync(Guid companyId, int count, CancellationToken ct)
    {
        var heads = db.Set<JournalChainHead>().Where(h => h.CompanyId == companyId);
        if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + count), ct) == 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO acc_journal_chains (company_id, last_sequence, last_hash) VALUES ({companyId}, 0, '') ON CONFLICT (company_id) DO NOTHING", ct);
            await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + count), ct);
        }
        var head = await heads.AsNoTracking().SingleAsync(ct);
        return (head.LastSequence - count + 1, head.LastHash);
    }

    /// <summary>Records the hash of the last entry written as the chain head's, after <see cref="ReserveChainAsync"/>.</summary>
    internal Task<int> SetChainHashAsync(Guid companyId, string hash, CancellationToken ct) =>
        db.Set<JournalChainHead>().Where(h => h.CompanyId == companyId).ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, hash), ct);

    private async Task<JournalEntry?> FindBySourceAsync(string source, string sourceKey, CancellationToken ct) =>
        await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.Source == source && e.SourceKey == sourceKey, ct);

    /// <summary>Codes to records; every unknown or retired code is reported at its line and field, all at once.</summary>
    internal async Task<List<ResolvedLine>> ResolveAsync(JournalEntryInput input, LedgerContext.Loaded context, CancellationToken ct)
    {
        var departmentCodes = input.Lines.Select(l => l.DepartmentCode).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => JapaneseText.Narrow(c!)).Distinct().ToList();
        var departments = departmentCodes.Count == 0 ? [] : await db.Departments.AsNoTracking()
            .Where(d => departmentCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var partnerCodes = input.Lines.Select(l => l.PartnerCode).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => JapaneseText.Narrow(c!)).Distinct().ToList();
        var partners = partnerCodes.Count == 0 ? [] : await db.Set<Partners.Partner>().AsNoTracking()
            .Where(p => partnerCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        return Resolve(input, context, departments, partners);
    }

    /// <summary>
    /// <see cref="ResolveAsync"/> over department and partner codes already looked up (code → id, codes narrowed):
    /// a bulk import loads the company's once for all its entries.
    /// </summary>
    internal static List<ResolvedLine> Resolve(JournalEntryInput input, LedgerContext.Loaded context, IReadOnlyDictionary<string, Guid> departments,
        IReadOnlyDictionary<string, Guid> partners)
    {
        Dictionary<string, string[]>? errors = null;
        void Fail(string key, string message) => (errors ??= [])[key] = [message];
        Guid? Lookup(IReadOnlyDictionary<string, Guid> ids, string? code, string key, Func<string?, string> unknown)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return null;
            }
            if (ids.TryGetValue(JapaneseText.Narrow(code), out var id))
            {
                return id;
            }
            Fail(key, unknown(code));
            return null;
        }
        var result = new List<ResolvedLine>(input.Lines.Count);
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var account = context.AccountByCode(line.AccountCode);
            if (account is null)
            {
                Fail($"lines[{i}].account", AccountingMessages.AccountUnknown(line.AccountCode));
                continue;
            }
            SubAccount? sub = null;
            if (!string.IsNullOrWhiteSpace(line.SubAccountCode) && (sub = context.SubAccountByCode(account.Id, line.SubAccountCode)) is null)
            {
                Fail($"lines[{i}].subAccount", AccountingMessages.SubAccountUnknown(line.SubAccountCode));
            }
            var department = Lookup(departments, line.DepartmentCode, $"lines[{i}].department", AccountingMessages.DepartmentUnknown);
            var partner = Lookup(partners, line.PartnerCode, $"lines[{i}].partner", AccountingMessages.PartnerUnknown);
            // No code: the account's default. An explicit "" or "-" means no tax code at all.
            var taxCodeText = line.TaxCode is null ? account.DefaultTaxCode : line.TaxCode.Trim() is "" or "-" ? null : line.TaxCode;
            var taxCode = TaxCodes.Find(taxCodeText);
            if (taxCodeText is not null && taxCode is null)
            {
                Fail($"lines[{i}].taxCode", AccountingMessages.TaxCodeUnknown);
            }
            result.Add(new ResolvedLine(account, line.Side, line.Amount, taxCode, sub, department, partner, line.Description, line.TaxAmount));
        }
        if (errors is not null)
        {
            throw new ValidationException(errors);
        }
        return result;
    }
}
