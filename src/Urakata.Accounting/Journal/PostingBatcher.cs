using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Journal;

/// <summary>Who posts an entry: sealed into the entry, and so into the journal chain.</summary>
public readonly record struct Poster(Guid? UserId, string Name);

/// <summary>
/// Group commit for postings. Every posting in a company passes the same serialized steps — the gap-free number, the
/// hash-chain head, the monthly balance rows — each a locked row until commit, so entries posted one transaction each
/// queue behind one another's round trips. Here the entries posted in a company wait in one lane, and the lane's writer
/// takes everything waiting into one transaction: the chart and the codes of the whole batch looked up once, each entry
/// built and checked by the posting rules, then sealed and written together (<see cref="JournalPosting.WriteAsync"/>).
/// One caller alone is written at once, as a batch of one; a hundred callers at once share one commit and the callers
/// themselves touch the database not at all. Each caller still gets its own entry back, or its own error: an entry
/// that breaks a rule fails alone, and a batch the database refuses is written again entry by entry.
/// </summary>
public sealed class PostingBatcher(IServiceScopeFactory scopes, ILogger<PostingBatcher> log) : IAsyncDisposable
{
    /// <summary>At most this many entries share a transaction.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<Guid, Lazy<Lane>> _lanes = new();
    private bool _disposed;

    /// <summary>
    /// Posts <paramref name="input"/> in <paramref name="companyId"/> and returns the entry once committed, or throws what
    /// the posting rules found (<see cref="ValidationException"/>, <see cref="DomainException"/>). Not cancellable once
    /// queued: a caller that went away must not be left unsure whether its entry was posted.
    /// </summary>
    internal Task<JournalEntry> PostAsync(Guid companyId, JournalEntryInput input, EntryKind kind, string source, Poster poster)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var waiting = new Waiting(input, kind, source, poster, new TaskCompletionSource<JournalEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        var lane = _lanes.GetOrAdd(companyId, static (companyId, self) => new Lazy<Lane>(() => new Lane(self, companyId)), this).Value;
        // Completed only by DisposeAsync.
        ObjectDisposedException.ThrowIf(!lane.Queue.Writer.TryWrite(waiting), this);
        return waiting.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var lanes = _lanes.Values.Select(l => l.Value).ToList();
        foreach (var lane in lanes)
        {
            lane.Queue.Writer.TryComplete();
        }
        // The entries already queued are written before the host stops.
        await Task.WhenAll(lanes.Select(l => l.Writer));
    }

    private sealed record Waiting(JournalEntryInput Input, EntryKind Kind, string Source, Poster Poster, TaskCompletionSource<JournalEntry> Done);

    private sealed class Lane
    {
        public Lane(PostingBatcher owner, Guid companyId)
        {
            Queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
            Writer = Task.Run(() => owner.RunAsync(companyId, Queue.Reader));
        }

        public Channel<Waiting> Queue { get; }
        public Task Writer { get; }
    }

    private async Task RunAsync(Guid companyId, ChannelReader<Waiting> queue)
    {
        var batch = new List<Waiting>(MaxBatch);
        while (await queue.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }
            try
            {
                await WriteAsync(companyId, batch);
            }
            catch (Exception ex)
            {
                // Never leave a caller waiting, whatever went wrong.
                log.LogError(ex, "Posting batch of {Count} entries failed for company {CompanyId}", batch.Count, companyId);
                foreach (var w in batch)
                {
                    w.Done.TrySetException(ex);
                }
            }
            batch.Clear();
        }
    }

    private async Task WriteAsync(Guid companyId, List<Waiting> batch)
    {
        try
        {
            await WriteInOneTransactionAsync(companyId, batch);
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Find the one the database refused: the others are written one by one, each with its own outcome.
        }
        foreach (var w in batch.Where(w => !w.Done.Task.IsCompleted))
        {
            try
            {
                await WriteInOneTransactionAsync(companyId, [w]);
            }
            catch (Exception ex)
            {
                w.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteInOneTransactionAsync(Guid companyId, List<Waiting> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        using var _ = services.GetRequiredService<CurrentUser>().InCompany(companyId, null, "posting");
        var db = services.GetRequiredService<UrakataDbContext>();
        var ledger = services.GetRequiredService<LedgerContext>();
        var years = services.GetRequiredService<FiscalYears>();
        var posting = services.GetRequiredService<JournalPosting>();
        var written = await db.InTransactionAsync(async ct =>
        {
            var context = await ledger.LoadAsync(ct);
            var (departments, partners) = await posting.LookupCodesAsync(batch.Select(w => w.Input), ct);
            var fiscalYears = new Dictionary<int, FiscalYear>();
            var built = new List<(Waiting Waiting, JournalEntry Entry)>(batch.Count);
            foreach (var w in batch)
            {
                try
                {
                    var lines = JournalPosting.Lines(w.Input, context, departments, partners);
                    var fy = context.Company.FiscalYearOf(w.Input.Date);
                    if (!fiscalYears.TryGetValue(fy, out var year))
                    {
                        fiscalYears[fy] = year = await years.ForYearAsync(fy, ct);
                    }
                    built.Add((w, JournalEntry.Create(year, w.Input.Date, w.Kind, w.Input.Description, lines, w.Source)));
                }
                catch (Exception ex) when (ex is ValidationException or DomainException)
                {
                    // This entry breaks a rule: its caller hears why, the others go on.
                    w.Done.TrySetException(ex);
                }
            }
            if (built.Count > 0)
            {
                await posting.WriteAsync([.. built.Select(b => (b.Entry, b.Waiting.Poster))], ct);
            }
            return built;
        });
        foreach (var (w, entry) in written)
        {
            w.Done.TrySetResult(entry);
        }
    }
}
