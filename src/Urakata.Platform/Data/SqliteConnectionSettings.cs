using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Urakata.Platform.Data;

/// <summary>
/// Page cache and memory-mapped reads for each SQLite connection: a 32 MiB cache instead of SQLite's 2 MiB default and
/// reads through a 256 MiB memory map, so a month of clock records for a department is read from memory rather than
/// through a system call per page. The settings belong to the database connection underneath (its handle), which the
/// pool keeps across opens: they are set on its first open only.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;";

    /// <summary>The native connections already set; a handle the pool drops is collected and leaves the table.</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
