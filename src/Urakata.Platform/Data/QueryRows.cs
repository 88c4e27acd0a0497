using Microsoft.EntityFrameworkCore;

namespace Urakata.Platform.Data;

/// <summary>Reading large results row by row, without a list of them all.</summary>
public static class QueryRows
{
    /// <summary>
    /// Hands each row of <paramref name="query"/> to <paramref name="row"/> as it is read. On SQLite the rows are read
    /// synchronously: Microsoft.Data.Sqlite completes its async calls synchronously anyway, and EF's async enumeration
    /// costs an execution-context change per row — thousands on a department's month of clock records. PostgreSQL reads
    /// asynchronously, as everywhere else.
    /// </summary>
    public static async Task ForEachRowAsync<T>(this UrakataDbContext db, IQueryable<T> query, Action<T> row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        if (db.IsPostgres)
        {
            await foreach (var item in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                row(item);
            }

            return;
        }

        ct.ThrowIfCancellationRequested();
        foreach (var item in query.AsEnumerable())
        {
            row(item);
        }
    }
}
