using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
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
/// extended entry by entry, the monthly balances updated — in one transaction, all or nothing: one error anywhere and
/// nothing stays written; errors name the entry (<c>entries[12].lines[1].account</c>). The rows go in by PostgreSQL
/// binary COPY or SQLite prepared statements (<see cref="BulkJournalWriter"/>) while the next chunk is built, the
/// balances are summed in memory and upserted once per key, and one audit event records the batch. Memory stays
/// bounded: only the chunks in flight are held.
/// </summary>
public sealed class JournalImport(UrakataDbContext db, LedgerContext ledger, FiscalYears years, NumberingService numbers, JournalPosting posting,
    AuditLog audit, CurrentUser user, TimeProvider clock)
{
    public const string DefaultSource = "import";
    /// <summary>Entries written per COPY / progress report.</summary>
    public const int ChunkSize = 5_000;
    /// <summary>Errors collected before the check stops (all-or-nothing: one is enough to write nothing).</summary>
    public const int MaxErrors = 200;
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
            // 1. The fiscal years the entries fall in and how many each: the numbers are taken as one block per year.
            var errors = new Dictionary<string, string[]>();
            var fiscalYears = new Dictionary<int, FiscalYear?>();
            var yearErrors = new Dictionary<int, DomainException>();
            var counts = new SortedDictionary<int, int>();
            foreach (var input in entries)
            {
                var fy = context.Company.FiscalYearOf(input.Date);
                if (!fiscalYears.ContainsKey(fy))
                {
                    try
                    {
                        fiscalYears[fy] = await years.ForYearAsync(fy, t);
                    }
                    catch (DomainException ex)
                    {
                        (fiscalYears[fy], yearErrors[fy]) = (null, ex);
                    }
                }
                counts[fy] = counts.GetValueOrDefault(fy) + 1;
            }

            // 2. Numbers per year and chain positions, each in one statement (the rows stay locked until commit).
            var next = new Dictionary<int, long>();
            var ranges = new List<ImportedNumbers>();
            foreach (var (fy, count) in counts.Where(c => fiscalYears[c.Key] is not null))
            {
                var first = await numbers.TakeBlockAsync(JournalPosting.NumberKind, fy, count, t);
                next[fy] = first;
                ranges.Add(new ImportedNumbers(fy, first, first + count - 1, count));
            }
            var companyId = context.Company.Id;
            var (firstSequence, previous) = await posting.ReserveChainAsync(companyId, entries.Count, t);
            var sequence = firstSequence;

            // 3. One pass: every entry built and checked by the posting rules and, while none has failed, sealed in order
            //    (the chain runs through the import) and handed to the writer a chunk at a time — the writer puts one chunk
            //    into the database while the next is built. After the first error nothing more is written, the rest is
            //    only checked, and the transaction rolls back. The balances are summed in memory.
            var postedAt = clock.GetUtcNow().UtcDateTime;
            var postedByName = user.DisplayName ?? user.UserName ?? "system";
            var sums = new Dictionary<BalanceKey, (long Debit, long Credit)>();
            var chunks = Channel.CreateBounded<List<JournalEntry>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var writing = WriteChunksAsync(chunks, entries.Count, progress, t);
            var chunk = new List<JournalEntry>(ChunkSize);
            var lineCount = 0;
            try
            {
                for (var i = 0; i < entries.Count && errors.Count < MaxErrors; i++)
                {
                    var input = entries[i];
                    var fy = context.Company.FiscalYearOf(input.Date);
                    try
                    {
                        var year = fiscalYears[fy] ?? throw yearErrors[fy];
                        var entry = JournalEntry.Create(year, input.Date, EntryKind.Normal, input.Description,
                            JournalPosting.Lines(input, context, departments, partners), source);
                        if (errors.Count > 0)
                        {
                            continue;
                        }
                        entry.Seal(next[fy]++, sequence++, previous, postedAt, user.UserId, postedByName);
                        previous = entry.Hash;
                        BalanceWriter.Accumulate(sums, entry.Lines);
                        lineCount += entry.Lines.Count;
                        chunk.Add(entry);
                        if (chunk.Count == ChunkSize)
                        {
                            await chunks.Writer.WriteAsync(chunk, t);
                            chunk = new List<JournalEntry>(ChunkSize);
                        }
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
                if (errors.Count == 0 && chunk.Count > 0)
                {
                    await chunks.Writer.WriteAsync(chunk, t);
                }
            }
            finally
            {
                chunks.Writer.TryComplete();
                // The writer's own failure (the database refused a row) surfaces here.
                await writing;
            }
            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
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

    /// <summary>Writes the chunks as they come, in order, reporting progress after each; the connection is the writer's alone meanwhile.</summary>
    private async Task WriteChunksAsync(Channel<List<JournalEntry>> chunks, int total, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        // Off the caller's thread at once: building the next chunk and writing this one overlap.
        await Task.Yield();
        try
        {
            using var writer = BulkJournalWriter.Create(db);
            var done = 0;
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
            {
                await writer.WriteAsync(chunk, ct);
                done += chunk.Count;
                progress?.Report((done, total));
            }
        }
        catch (Exception ex)
        {
            // The builder must not wait on a full channel nobody reads any more.
            chunks.Writer.TryComplete(ex);
            throw;
        }
    }

    private static string Key(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"entries[{index}].{field}");

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
