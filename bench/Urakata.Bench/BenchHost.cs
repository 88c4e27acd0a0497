using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Urakata.Platform.Data;
using Urakata.Platform.Hosting;
using Urakata.Platform.Security;
using Urakata.Web;

namespace Urakata.Bench;

/// <summary>
/// The application's services exactly as <c>urakata serve</c> registers them (<see cref="UrakataApp.CreateBuilder"/>:
/// every module, interceptors, audit, outbox), over a fresh database. The host is built but never started: no web
/// server, no outbox dispatcher, no jobs — the bench calls the services in DI scopes, as a request or a job would.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly bool _keep;

    private BenchHost(WebApplication app, string provider, string folder, string? adminConnection, string? databaseName, bool keep)
    {
        _app = app;
        Provider = provider;
        _folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
        _keep = keep;
    }

    public string Provider { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the data is: the SQLite file or the PostgreSQL database name.</summary>
    public string Location => _databaseName ?? Path.Combine(_folder, "urakata.db");

    public static async Task<BenchHost> StartAsync(BenchOptions options)
    {
        var folder = options.Reuse is { } kept && options.Postgres is null
            ? Path.GetDirectoryName(Path.GetFullPath(kept))!
            : Directory.CreateTempSubdirectory("urakata-bench-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = options.Provider,
            ["Storage:DataPath"] = folder,
            ["Demo:Seed"] = "false",
        };
        string? databaseName = null;
        if (options.Postgres is { } reused && options.Reuse is { } name)
        {
            databaseName = name;
            settings["ConnectionStrings:Urakata"] = new NpgsqlConnectionStringBuilder(reused) { Database = databaseName }.ConnectionString;
        }
        else if (options.Postgres is { } admin)
        {
            databaseName = "urakata_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {databaseName}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            settings["ConnectionStrings:Urakata"] = new NpgsqlConnectionStringBuilder(admin) { Database = databaseName }.ConnectionString;
        }
        // Configuration is read while the services are registered, so it goes in as command-line arguments.
        var builder = UrakataApp.CreateBuilder([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        // 900 lost races are the point of the exercise: EF's error log for each would drown the figures.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        var app = builder.Build();
        var host = new BenchHost(app, options.Provider, folder, options.Postgres, databaseName, options.Keep);
        await DatabaseMigrator.MigrateAsync(app.Services);
        return host;
    }

    /// <summary>Runs <paramref name="work"/> in a new DI scope acting as <paramref name="userId"/> in the company (as a signed-in request would).</summary>
    public async Task<T> InCompanyAsync<T>(Guid companyId, Guid? userId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().InCompany(companyId, userId, "bench");
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> as the system (all companies), as the CLI verbs do.</summary>
    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem("bench");
        return await work(scope.ServiceProvider);
    }

    public Task<string> ServerVersionAsync() => AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<UrakataDbContext>();
        var sql = db.IsPostgres ? "SELECT current_setting('server_version') AS \"Value\"" : "SELECT sqlite_version() AS \"Value\"";
        return (db.IsPostgres ? "PostgreSQL " : "SQLite ") + await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    });

    /// <summary>Table statistics for the planner (the app never runs ANALYZE itself; PostgreSQL's autovacuum does, later).</summary>
    public Task AnalyzeAsync() => AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<UrakataDbContext>();
        await db.Database.ExecuteSqlAsync($"ANALYZE");
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_keep)
        {
            return;
        }
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS temp cleaner takes it later.
        }
    }
}
