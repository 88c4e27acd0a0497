using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Journal;

public sealed record JournalDraftDto(Guid Id, DateOnly Date, string Description, IReadOnlyList<JournalLineInput> Lines, int Version);

/// <summary>
/// 下書き: save an entry unfinished, come back to it, post it. Each person sees their own drafts. Posting removes the
/// draft in the posting transaction, so a second click finds nothing to post instead of posting twice.
/// </summary>
public sealed class JournalDrafts(UrakataDbContext db, JournalPosting posting, CurrentUser user)
{
    public async Task<List<JournalDraftDto>> MineAsync(CancellationToken ct = default)
    {
        var me = user.RequireUser();
        return [.. (await db.Set<JournalDraft>().AsNoTracking().Where(d => d.CreatedBy == me).ToListAsync(ct)).OrderByDescending(d => d.Date).Select(ToDto)];
    }

    public async Task<JournalDraftDto> GetAsync(Guid id, CancellationToken ct = default) => ToDto(await FindAsync(id, ct));

    public async Task<JournalDraftDto> SaveAsync(Guid? id, JournalEntryInput input, int? version = null, CancellationToken ct = default)
    {
        JournalDraft draft;
        if (id is { } existing)
        {
            draft = await FindAsync(existing, ct);
            db.ExpectVersion(draft, version);
            draft.Update(input);
        }
        else
        {
            draft = new JournalDraft(user.RequireUser(), input);
            db.Add(draft);
        }
        await db.SaveChangesAsync(ct);
        return ToDto(draft);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        db.Remove(await FindAsync(id, ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<JournalEntry> PostAsync(Guid id, CancellationToken ct = default) =>
        await db.InTransactionAsync(async t =>
        {
            var draft = await FindAsync(id, t);
            db.Remove(draft);
            await db.SaveChangesAsync(t);
            return await posting.PostAsync(draft.ToInput(), t);
        }, ct);

    private async Task<JournalDraft> FindAsync(Guid id, CancellationToken ct)
    {
        var me = user.RequireUser();
        return await db.Set<JournalDraft>().SingleOrDefaultAsync(d => d.Id == id && d.CreatedBy == me, ct) ?? throw new NotFoundException("Draft");
    }

    private static JournalDraftDto ToDto(JournalDraft d) => new(d.Id, d.Date, d.Description, d.Lines, d.Version);
}
