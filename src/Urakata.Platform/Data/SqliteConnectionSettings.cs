using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Urakata.Platform.Data;

/// <summary>
/// Page cache and memory-mapped reads for each SQLite connection: a 32 MiB cache instead of SQLite's 2 MiB default and
/// reads through a 256 MiB memory map, so a month of clock records for a department is read from memory rather than
/// through a system call per page. Pooled connections keep the settings; setting them again on each open costs
/// microseconds.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
