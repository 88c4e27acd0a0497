using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Features;

public static class Concurrency
{
    /// <summary>Makes the update conditional on the version the client last saw (409 when stale).</summary>
    public static void ExpectVersion(this UrakataDbContext db, Entity entity, int? version)
    {
        if (version is { } v)
        {
            db.Entry(entity).Property(e => e.Version).OriginalValue = v;
        }
    }

    /// <summary>Loads an entity of the current company or throws <see cref="NotFoundException"/> (404).</summary>
    public static async Task<T> FindOrThrowAsync<T>(this DbSet<T> set, Guid id, CancellationToken ct) where T : Entity =>
        await set.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(typeof(T).Name);
}
