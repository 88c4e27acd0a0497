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
/// other modules). Resolve codes, split tax, apply the posting rules; then, in one transaction, take the gap-free number,
/// extend the hash chain, write the entry and add it to the monthly balances. An entry posted on its own is written by
/// <see cref="PostingBatcher"/> together with the others being posted at that moment; one posted inside the caller's
/// transaction (or idempotently, under a source key) is written there.
/// </summary>
public sealed class JournalPosting(UrakataDbContext db, LedgerContext ledger, FiscalYears years, NumberingService numbers, PostingBatcher batcher, CurrentUser user,
    TimeProvider clock)
{
    public const string NumberKind = "journal";

    public Task<JournalEntry> PostAsync(JournalEntryInput input, CancellationToken ct = default) =>
        PostAsync(input, EntryKind.Normal, "manual", null, ct);

    /// <summary>
    /// Posts <paramref name="input"/>. With a <paramref name="sourceKey"/> the posting is idempotent: the entry already
    /// posted under that key is returned instead of a second one (a recurring month, an approved claim).
    /// </summary>
    public async Task<JournalEntry> PostAsync(JournalEntryInput input, EntryKind kind, string source, string? sourceKey, CancellationToken ct = default)
    {
        if (sourceKey is null && db.Database.CurrentTransaction is null)
        {
            // Nothing else to commit with it: checked and written together with whatever else is being posted (group commit).
            return await batcher.PostAsync(user.RequireCompany(), input, kind, source, CurrentPoster);
        }
        // Part of the caller's transaction (a draft deleted as it posts, another module's document), or idempotent by key.
        return await db.InTransactionAsync(async t =>
        {
            if (sourceKey is not null && await FindBySourceAsync(source, sourceKey, t) is { } existing)
            {
                return existing;
            }
            var entry = await PrepareAsync(input, kind, source, sourceKey, t);
            await SaveAsync(entry, t);
            return entry;
        }, ct);
    }

    /// <summary>
    /// Everything posting checks — codes, tax split, the posting rules, the fiscal year and its locks — without writing the
    /// entry: an import checks every entry of a file this way before it posts any.
    /// </summary>
    public async Task<JournalEntry> PrepareAsync(JournalEntryInput input, EntryKind kind = EntryKind.Normal, string source = "manual", string? sourceKey = null,
        CancellationToken ct = default)
    {
        var context = await ledger.LoadAsync(ct);
        var (departments, partners) = await LookupCodesAsync([input], ct);
        var lines = Lines(input, context, departments, partners);
        var year = await years.ForYearAsync(context.Company.FiscalYearOf(input.Date), ct);
        return JournalEntry.Create(year, input.Date, kind, input.Description, lines, source, sourceKey);
    }

    /// <summary>
    /// The lines as posted: codes resolved (every unknown or retired code reported at its line and field, all at once)
    /// and the tax split off. <paramref name="departments"/> and <paramref name="partners"/> map narrowed codes to ids
    /// (<see cref="LookupCodesAsync"/>; a bulk import loads all of the company's once).
    /// </summary>
    internal static IReadOnlyList<PostingLine> Lines(JournalEntryInput input, LedgerContext.Loaded context, IReadOnlyDictionary<string, Guid> departments,
        IReadOnlyDictionary<string, Guid> partners)
    {
        // A client that sends no lines gets "needs two lines", not a crash.
        input = input with { Lines = input.Lines ?? [] };
        var resolved = Resolve(input, context, departments, partners);
        return TaxSplitter.Split(resolved, input.Date, context.Settings, context.Rates, context.InputTax, context.OutputTax);
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
    internal Task SaveAsync(JournalEntry entry, CancellationToken ct) => WriteAsync([(entry, CurrentPoster)], ct);

    /// <summary>The signed-in user (or the job) the entries posted in this scope are recorded under.</summary>
    internal Poster CurrentPoster => new(user.UserId, user.DisplayName ?? user.UserName ?? "system");

    /// <summary>
    /// Seals <paramref name="batch"/> in its order and writes it in the caller's open transaction: the numbers of each
    /// fiscal year in one statement, the chain positions in one (both rows stay locked until commit), the entries and
    /// lines (<see cref="BulkJournalWriter"/>), the chain head's hash, and the lines added to the monthly balances.
    /// One entry posted from the form and a batch from <see cref="PostingBatcher"/> take this same path.
    /// </summary>
    internal async Task WriteAsync(IReadOnlyList<(JournalEntry Entry, Poster Poster)> batch, CancellationToken ct)
    {
        var next = new Dictionary<int, long>();
        foreach (var (fiscalYear, count) in batch.CountBy(b => b.Entry.FiscalYear))
        {
            next[fiscalYear] = await numbers.TakeBlockAsync(NumberKind, fiscalYear, count, ct);
        }
        var companyId = batch[0].Entry.CompanyId;
        var (sequence, previous) = await ReserveChainAsync(companyId, batch.Count, ct);
        var postedAt = clock.GetUtcNow().UtcDateTime;
        var sums = new Dictionary<BalanceKey, (long Debit, long Credit)>();
        foreach (var (entry, poster) in batch)
        {
            entry.Seal(next[entry.FiscalYear]++, sequence++, previous, postedAt, poster.UserId, poster.Name);
            previous = entry.Hash;
            BalanceWriter.Accumulate(sums, entry.Lines);
        }
        using (var writer = BulkJournalWriter.Create(db))
        {
            await writer.WriteAsync([.. batch.Select(b => b.Entry)], ct);
        }
        await SetChainHashAsync(companyId, previous, ct);
        await BalanceWriter.UpsertAsync(db, sums, ct);
    }

    /// <summary>
    /// Locks the chain head (row lock on PostgreSQL, the write lock on SQLite) and takes the next <paramref name="count"/>
    /// positions: the first of them and the hash the first entry links to. The caller sets the head's hash afterwards.
    /// </summary>
    internal async Task<(long Sequence, string PreviousHash)> ReserveChainAsync(Guid companyId, int count, CancellationToken ct)
    {
        var head = await AdvanceChainAsync(companyId, count, ct);
        if (head is null)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO acc_journal_chains (company_id, last_sequence, last_hash) VALUES ({companyId}, 0, '') ON CONFLICT (company_id) DO NOTHING", ct);
            head = await AdvanceChainAsync(companyId, count, ct);
        }
        return (head!.LastSequence - count + 1, head.LastHash);
    }

    private sealed record ChainPosition(long LastSequence, string LastHash);

    /// <summary>One round trip: the head row locked, moved on by <paramref name="count"/> and read back; null when the company has no chain yet.</summary>
    private async Task<ChainPosition?> AdvanceChainAsync(Guid companyId, int count, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<ChainPosition>($"""
            UPDATE acc_journal_chains SET last_sequence = last_sequence + {count} WHERE company_id = {companyId}
            RETURNING last_sequence, last_hash
            """).ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Records the hash of the last entry written as the chain head's, after <see cref="ReserveChainAsync"/>.</summary>
    internal Task<int> SetChainHashAsync(Guid companyId, string hash, CancellationToken ct) =>
        db.Set<JournalChainHead>().Where(h => h.CompanyId == companyId).ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, hash), ct);

    private async Task<JournalEntry?> FindBySourceAsync(string source, string sourceKey, CancellationToken ct) =>
        await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.Source == source && e.SourceKey == sourceKey, ct);

    /// <summary>The departments and partners named in <paramref name="inputs"/>: narrowed code → id, one query each.</summary>
    internal async Task<(Dictionary<string, Guid> Departments, Dictionary<string, Guid> Partners)> LookupCodesAsync(IEnumerable<JournalEntryInput> inputs,
        CancellationToken ct)
    {
        static List<string> Codes(IEnumerable<string?> codes) =>
            [.. codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => JapaneseText.Narrow(c!)).Distinct()];
        var lines = inputs.SelectMany(i => i.Lines ?? []).ToList();
        var departmentCodes = Codes(lines.Select(l => l.DepartmentCode));
        var departments = departmentCodes.Count == 0 ? [] : await db.Departments.AsNoTracking()
            .Where(d => departmentCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var partnerCodes = Codes(lines.Select(l => l.PartnerCode));
        var partners = partnerCodes.Count == 0 ? [] : await db.Set<Partners.Partner>().AsNoTracking()
            .Where(p => partnerCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        return (departments, partners);
    }

    /// <summary>Codes to records over department and partner codes already looked up; every unknown or retired code is reported at its line and field, all at once.</summary>
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
