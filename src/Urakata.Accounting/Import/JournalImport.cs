using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Data;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Numbering;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Import;

/// <summary>The numbers one import took in one fiscal year: <c>First … Last</c>, gap-free.</summary>
public sealed record ImportedNumbers(int FiscalYear, long First, long Last, int Count);

/// <summary>What an import wrote: entries and lines, the numbers per fiscal year and the positions in the hash chain.</summary>
public sealed record JournalImportSummary(int Entries, int Lines, IReadOnlyList<ImportedNumbers> Numbers, long FirstChainSequence, long LastChainSequence,
    Guid BatchId);

/// <summary>
/// 仕訳の一括取込: the fast path for many already-parsed entries of the current company (the CSV importers, the
/// <c>urakata import journal</c> verb, a migration). Same rules and guarantees as <see cref="JournalPosting"/> — codes
/// resolved, tax split, <see cref="JournalEntry.Create"/> for every entry, gap-free numbers per fiscal year, the hash chain
/// extended entry by entry, the monthly balances updated — in one transaction, all or nothing. Every entry is checked
/// before anything is written; errors name the entry (<c>entries[12].lines[1].account</c>). The rows then go in by
/// PostgreSQL binary COPY or SQLite prepared statements (<see cref="BulkJournalWriter"/>), the balances are summed in
/// memory and upserted once per key, and one audit event records the batch.
/// </summary>
public sealed class JournalImport(UrakataDbContext db, LedgerContext ledger, FiscalYears years, NumberingService numbers, JournalPosting posting,
    AuditLog audit, CurrentUser user, TimeProvider clock)
{
    public const string DefaultSource = "import";
    /// <summary>Entries written per COPY / progress report.</summary>
    public const int ChunkSize = 5_000;
    /// <summary>Errors collected before the check stops (all-or-nothing: one is enough to write nothing).</summary>
    public const int MaxErrors = 200;
    /// <summary>Up to this many entries are kept from the check to the write; larger imports build each entry again (bounded memory).</summary>
    private const int KeepLimit = 200_000;
    /// <summary>From this many entries the import refreshes the planner statistics of the ledger tables.</summary>
    private const int AnalyzeThreshold = 10_000;

    public Task<JournalImportSummary> ImportAsync(IReadOnlyList<JournalEntryInput> entries, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken ct = default) => ImportAsync(entries, DefaultSource, progress, ct);

    /// <summary>
    /// Imports <paramref name="entries"/> in their order (numbers and chain positions follow it). <paramref name="progress"/>
    /// receives the entries written so far after each chunk. Throws <see cref="ValidationException"/> with keys
    /// <c>entries[i].…</c> (the <see cref="JournalPosting"/> keys under the entry's index) and writes nothing if any entry fails.
    /// </summary>
    public async Task<JournalImportSummary> ImportAsync(IReadOnlyList<JournalEntryInput> entries, string source, IProgress<(int Done, int Total)>? progress,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return new JournalImportSummary(0, 0, [], 0, 0, Guid.Empty);
        }
        var context = await ledger.LoadAsync(ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.Id }).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var partners = await db.Set<Partners.Partner>().AsNoTracking().Select(p => new { p.Code, p.Id }).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        return await db.InTransactionAsync(async t =>
        {
            var fiscalYears = new Dictionary<int, FiscalYear>();
            JournalEntry Build(JournalEntryInput input, FiscalYear year)
            {
                return JournalEntry.Create(year, input.Date, EntryKind.Normal, input.Description, JournalPosting.Lines(input, context, departments, partners), source);
            }

            // 1. Check every entry; count them per fiscal year.
            var counts = new SortedDictionary<int, int>();
            var errors = new Dictionary<string, string[]>();
            var kept = entries.Count <= KeepLimit ? new JournalEntry?[entries.Count] : null;
            for (var i = 0; i < entries.Count && errors.Count < MaxErrors; i++)
            {
                var input = entries[i];
                try
                {
                    var fy = context.Company.FiscalYearOf(input.Date);
                    if (!fiscalYears.TryGetValue(fy, out var year))
                    {
                        fiscalYears[fy] = year = await years.ForYearAsync(fy, t);
                    }
                    var entry = Build(input, year);
                    kept?[i] = entry;
                    counts[fy] = counts.GetValueOrDefault(fy) + 1;
                }
                catch (ValidationException ex)
                {
                    foreach (var (key, messages) in ex.Errors)
                    {
                        errors[Key(i, key)] = messages;
                    }
                }
                catch (DomainException ex)
                {
                    errors[Key(i, ex.Field ?? "entry")] = [ex.Message];
                }
            }
            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            // 2. Numbers per year and chain positions, each in one statement (the rows stay locked until commit).
            var next = new Dictionary<int, long>();
            var ranges = new List<ImportedNumbers>();
            foreach (var (fy, count) in counts)
            {
                var first = await numbers.TakeBlockAsync(JournalPosting.NumberKind, fy, count, t);
                next[fy] = first;
                ranges.Add(new ImportedNumbers(fy, first, first + count - 1, count));
            }
            var companyId = context.Company.Id;
            var (firstSequence, previous) = await posting.ReserveChainAsync(companyId, entries.Count, t);
            var sequence = firstSequence;

            // 3. Seal in order (the chain runs through the batch) and write chunk by chunk; balances summed in memory.
            var postedAt = clock.GetUtcNow().UtcDateTime;
            var postedByName = user.DisplayName ?? user.UserName ?? "system";
            var sums = new Dictionary<BalanceKey, (long Debit, long Credit)>();
            var chunk = new List<JournalEntry>(Math.Min(ChunkSize, entries.Count));
            var lineCount = 0;
            using (var writer = BulkJournalWriter.Create(db))
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = kept?[i] ?? Build(entries[i], fiscalYears[context.Company.FiscalYearOf(entries[i].Date)]);
                    kept?[i] = null;
                    entry.Seal(next[entry.FiscalYear]++, sequence++, previous, postedAt, user.UserId, postedByName);
                    previous = entry.Hash;
                    BalanceWriter.Accumulate(sums, entry.Lines);
                    lineCount += entry.Lines.Count;
                    chunk.Add(entry);
                    if (chunk.Count == ChunkSize || i == entries.Count - 1)
                    {
                        await writer.WriteAsync(chunk, t);
                        chunk.Clear();
                        progress?.Report((i + 1, entries.Count));
                    }
                }
            }
            Debug.Assert(sequence == firstSequence + entries.Count);
            await posting.SetChainHashAsync(companyId, previous, t);
            await BalanceWriter.UpsertAsync(db, sums, t);
            if (entries.Count >= AnalyzeThreshold)
            {
                // A large import changes the tables' shape at once; until the statistics catch up, PostgreSQL planned the
                // 総勘定元帳's counter-account lookup as a scan of the whole company (0.7 s a page at 1M entries).
                await db.Database.ExecuteSqlAsync($"ANALYZE acc_journal_lines", t);
                await db.Database.ExecuteSqlAsync($"ANALYZE acc_journal_entries", t);
                await db.Database.ExecuteSqlAsync($"ANALYZE acc_balances", t);
            }

            // 4. One audit event for the batch (the entries themselves are protected by the journal chain).
            var batchId = Guid.CreateVersion7();
            var lastSequence = sequence - 1;
            List<FieldChange> changes =
            [
                new("source", null, source),
                new("entries", null, Text(entries.Count)),
                new("lines", null, Text(lineCount)),
                .. ranges.Select(r => new FieldChange(Text(r.FiscalYear) + " numbers", null, $"{Text(r.First)}–{Text(r.Last)}")),
                new("chain", null, $"{Text(firstSequence)}–{Text(lastSequence)}"),
                new("lastHash", null, previous),
            ];
            await audit.RecordAsync("JournalImport", batchId.ToString("D"), AuditAction.Created, changes, t);
            return new JournalImportSummary(entries.Count, lineCount, ranges, firstSequence, lastSequence, batchId);
        }, ct);
    }

    private static string Key(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"entries[{index}].{field}");

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
