using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;

namespace Urakata.Platform.Audit;

/// <summary>The first row where a company's audit chain breaks, and why.</summary>
public sealed record ChainBreak(Guid CompanyId, long Sequence, Guid? EventId, string Reason);

/// <summary>Result of checking every audit chain (and, through <see cref="IChainVerifier"/>, the modules' chains).</summary>
public sealed record VerificationReport(string Chain, long RowsChecked, IReadOnlyList<ChainBreak> Breaks)
{
    public bool IsIntact => Breaks.Count == 0;
}

/// <summary>A hash chain a module keeps (posted journal entries, issued invoices…); <c>urakata verify</c> runs them all.</summary>
public interface IChainVerifier
{
    Task<VerificationReport> VerifyAsync(UrakataDbContext db, CancellationToken cancellationToken);
}

/// <summary>Recomputes every company's audit chain and reports the first tampered, missing or re-ordered row.</summary>
public sealed class AuditVerifier : IChainVerifier
{
    public async Task<VerificationReport> VerifyAsync(UrakataDbContext db, CancellationToken cancellationToken)
    {
        var breaks = new List<ChainBreak>();
        long rows = 0;
        var heads = await db.AuditChainHeads.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var head in heads.OrderBy(h => h.CompanyId))
        {
            var expected = 1L;
            var previous = "";
            ChainBreak? found = null;
            await foreach (var e in db.AuditEvents.AsNoTracking()
                .Where(e => e.CompanyId == head.CompanyId)
                .OrderBy(e => e.Sequence)
                .AsAsyncEnumerable()
                .WithCancellation(cancellationToken))
            {
                rows++;
                if (e.Sequence != expected)
                {
                    found = new(head.CompanyId, expected, null, $"row {expected} is missing (next row found is {e.Sequence})");
                    break;
                }
                if (e.PreviousHash != previous)
                {
                    found = new(head.CompanyId, e.Sequence, e.Id, "previous-hash link does not match the row before");
                    break;
                }
                if (AuditHasher.Compute(e) != e.Hash)
                {
                    found = new(head.CompanyId, e.Sequence, e.Id, "content does not match its hash (edited after it was written)");
                    break;
                }
                previous = e.Hash;
                expected++;
            }
            if (found is null && (head.LastSequence != expected - 1 || head.LastHash != previous))
            {
                found = new(head.CompanyId, expected, null, $"chain ends at row {expected - 1} but the head records {head.LastSequence} rows (rows removed at the end)");
            }
            if (found is not null)
            {
                breaks.Add(found);
            }
        }
        return new VerificationReport("audit", rows, breaks);
    }
}
