using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Urakata.Platform.Data;

/// <summary>Chooses SQLite (default, a file under the data folder) or PostgreSQL from configuration.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Urakata.Migrations.Sqlite";
    public const string PostgresMigrations = "Urakata.Migrations.Postgres";

    public static string Provider(IConfiguration configuration) =>
        (configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => "sqlite",
            "postgres" or "postgresql" or "npgsql" => "postgres",
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not supported (use sqlite or postgres)."),
        };

    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Urakata");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (Provider(configuration) == "postgres")
        {
            throw new InvalidOperationException("ConnectionStrings:Urakata is required when Database:Provider is postgres.");
        }
        var dataPath = DataPath(configuration);
        Directory.CreateDirectory(dataPath);
        return $"Data Source={Path.Combine(dataPath, "urakata.db")};Default Timeout=30";
    }

    /// <summary>The folder for the SQLite file, uploaded files and keys (<c>Storage:DataPath</c>, default <c>./data</c>).</summary>
    public static string DataPath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Storage:DataPath"] ?? "data");

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        if (provider == "postgres")
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
            options.AddInterceptors(new SqliteConnectionSettings());
        }
        options.UseSnakeCaseNamingConvention();
    }
}
