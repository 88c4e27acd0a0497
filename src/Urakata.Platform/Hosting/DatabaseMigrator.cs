using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;

namespace Urakata.Platform.Hosting;

/// <summary>Applies pending migrations; SQLite files are switched to WAL (one writer, many readers).</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlAsync($"PRAGMA journal_mode=WAL", ct);
        }
    }
}
