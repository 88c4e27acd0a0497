using Npgsql;

namespace Urakata.Tests.Infrastructure;

/// <summary>
/// A real, private database for one test class: a SQLite file in a temp folder, or — when
/// <c>URAKATA_TEST_DB=postgres</c> — a new database on the server named by <c>URAKATA_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string folder, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    /// <summary>Temp folder for the SQLite file, uploaded files and keys.</summary>
    public string Folder { get; }

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("URAKATA_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("urakata-test-").FullName;
        if (!UsePostgres)
        {
            return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder, "urakata.db")};Default Timeout=60", folder, null, null);
        }
        var admin = Environment.GetEnvironmentVariable("URAKATA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("URAKATA_TEST_DB=postgres needs URAKATA_TEST_POSTGRES (./test.sh sets both).");
        var name = "urakata_test_" + Guid.NewGuid().ToString("N");
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 120 };
        return new TestDatabase("postgres", builder.ConnectionString, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the OS temp cleaner takes it later.
        }
    }
}
