using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Journal;

/// <summary>証憑の添付: links a file already in the platform file store to a posted entry (the entry itself never changes).</summary>
public sealed class JournalEvidence(UrakataDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task AttachAsync(Guid entryId, Guid fileId, CancellationToken ct = default)
    {
        var entry = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.Id == entryId).Select(e => new { e.Id, e.CompanyId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Journal entry");
        if (!await db.Files.AnyAsync(f => f.Id == fileId, ct))
        {
            throw new NotFoundException("File");
        }
        if (await db.Set<EntryEvidence>().AnyAsync(x => x.EntryId == entryId && x.FileId == fileId, ct))
        {
            return;
        }
        db.Add(new EntryEvidence(entry.CompanyId, entryId, fileId, clock.GetUtcNow().UtcDateTime, user.UserId));
        await db.SaveChangesAsync(ct);
    }
}
