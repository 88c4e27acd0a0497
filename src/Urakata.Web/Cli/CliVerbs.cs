using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Hosting;
using Urakata.Platform.Security;

namespace Urakata.Web.Cli;

/// <summary>The administrative verbs of the <c>urakata</c> executable.</summary>
internal static class CliVerbs
{
    public static async Task<int> RunAsync(string verb, string[] args)
    {
        args = JoinOptionValues(args, "--company", "--format");
        var positional = args.Where(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        var options = args.Except(positional).ToArray();
        var builder = UrakataApp.CreateBuilder(options);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = UrakataApp.Build(builder);
        var config = app.Configuration;
        try
        {
            return verb switch
            {
                "migrate" => await MigrateAsync(app),
                "seed-demo" => await SeedDemoAsync(app),
                "verify" => await VerifyAsync(app),
                "backup" => await BackupAsync(app, positional),
                "restore" => Restore(config, positional),
                "create-admin" => await CreateAdminAsync(app),
                "import" => await ImportCli.ImportAsync(app, positional),
                _ => Unknown(verb),
            };
        }
        catch (Exception ex) when (ex is DomainException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        Console.WriteLine($"Database is up to date ({DatabaseSetup.Provider(app.Configuration)}).");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        var demo = await Startup.PrepareDatabaseAsync(app.Services, new ConfigurationBuilder()
            .AddConfiguration(app.Configuration).AddInMemoryCollection([new("Demo:Seed", "true"), new("Database:Migrate", "false")]).Build());
        Console.WriteLine($"Demo company {DemoSeeder.CompanyName} is ready. Password for all demo sign-ins: {demo!.Password}");
        return 0;
    }

    /// <summary>Exit code 0 when every chain is intact, 2 when a row was tampered with.</summary>
    private static async Task<int> VerifyAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem("verify");
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        var intact = true;
        foreach (var verifier in scope.ServiceProvider.GetServices<IChainVerifier>())
        {
            var report = await verifier.VerifyAsync(db, CancellationToken.None);
            Console.WriteLine($"{report.Chain}: {report.RowsChecked} rows checked, {(report.IsIntact ? "intact" : $"{report.Breaks.Count} chain(s) broken")}");
            foreach (var b in report.Breaks)
            {
                intact = false;
                Console.WriteLine($"  TAMPERED company {b.CompanyId}: row {b.Sequence}{(b.EventId is { } id ? $" (id {id})" : "")}: {b.Reason}");
            }
        }
        return intact ? 0 : 2;
    }

    private static async Task<int> BackupAsync(WebApplication app, string[] positional)
    {
        if (DatabaseSetup.Provider(app.Configuration) == "postgres")
        {
            Console.WriteLine("PostgreSQL: use pg_dump, e.g.  pg_dump --format=custom --file=urakata.dump \"$URAKATA_DB_URL\"  (see docs/operations.md).");
            return 1;
        }
        if (positional is not [var target])
        {
            await Console.Error.WriteLineAsync("usage: urakata backup FILE");
            return 1;
        }
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"error: {target} already exists.");
            return 1;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
        // VACUUM INTO writes a consistent, compacted copy while the server keeps running.
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}");
        Console.WriteLine($"Backup written to {target} ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    private static int Restore(IConfiguration config, string[] positional)
    {
        if (DatabaseSetup.Provider(config) == "postgres")
        {
            Console.WriteLine("PostgreSQL: use pg_restore, e.g.  pg_restore --clean --dbname=\"$URAKATA_DB_URL\" urakata.dump  (see docs/operations.md).");
            return 1;
        }
        if (positional is not [var source] || !File.Exists(source))
        {
            Console.Error.WriteLine("usage: urakata restore FILE   (stop the server first)");
            return 1;
        }
        if (!IsIntactSqlite(source))
        {
            Console.Error.WriteLine($"error: {source} is not an intact SQLite database; nothing was changed.");
            return 1;
        }
        var target = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(config)).DataSource;
        SqliteConnection.ClearAllPools();
        if (File.Exists(target))
        {
            File.Copy(target, target + ".before-restore", overwrite: true);
        }
        File.Copy(source, target + ".restoring", overwrite: true);
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        File.Move(target + ".restoring", target, overwrite: true);
        Console.WriteLine($"Restored {source} into {target} (previous database kept as {target}.before-restore).");
        return 0;
    }

    private static bool IsIntactSqlite(string path)
    {
        try
        {
            using var check = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            check.Open();
            using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            return cmd.ExecuteScalar() as string == "ok";
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary><c>urakata create-admin --user NAME --password PASS [--company NAME] [--email E]</c>.</summary>
    private static async Task<int> CreateAdminAsync(WebApplication app)
    {
        string? Opt(string name) => app.Configuration[name];
        var userName = Opt("user");
        var password = Opt("password") ?? Environment.GetEnvironmentVariable("URAKATA_ADMIN_PASSWORD");
        var companyName = Opt("company") ?? "My Company";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("usage: urakata create-admin --user=NAME --password=PASS [--company=NAME] [--email=E] (or URAKATA_ADMIN_PASSWORD)");
            return 1;
        }
        await DatabaseMigrator.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var current = sp.GetRequiredService<CurrentUser>();
        using var system = current.AsSystem("create-admin");
        var db = sp.GetRequiredService<UrakataDbContext>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Name == companyName) ?? Company.Create(companyName, 3);
        if (db.Entry(company).State == EntityState.Detached)
        {
            db.Companies.Add(company);
        }
        var user = new AppUser
        {
            UserName = userName,
            Email = Opt("email"),
            DisplayName = userName,
            CurrentCompanyId = company.Id,
            CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        UserAdmin.ThrowIfFailed(await users.CreateAsync(user, password));
        var role = CompanyAdmin.AdministratorRole(company.Id, sp.GetRequiredService<PermissionRegistry>());
        role.Rename($"管理者 ({userName})", role.Description);
        db.Roles.Add(role);
        var membership = new CompanyMembership(company.Id, user.Id);
        membership.SetRoles([role.Id]);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        Console.WriteLine($"Administrator '{userName}' can now sign in to {company.Name}.");
        return 0;
    }

    /// <summary>Lets <c>--company NAME</c> be written like <c>--company=NAME</c>: the value is not a positional argument.</summary>
    private static string[] JoinOptionValues(string[] args, params string[] names)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i], StringComparer.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                result.Add($"{args[i]}={args[++i]}");
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }

    public static int Help()
    {
        Console.WriteLine("""
            urakata [serve]                 run the web application (default)
            urakata migrate                 apply database migrations
            urakata seed-demo               create the demo company 株式会社サンプル商事
            urakata verify                  check the audit hash chains; exit 2 on tampering
            urakata backup FILE             SQLite: consistent copy with VACUUM INTO
            urakata restore FILE            SQLite: replace the database (server stopped)
            urakata create-admin --user=NAME --password=PASS [--company=NAME]
            urakata import journal FILE --company NAME [--format yayoi|generic]
                                            post a 弥生 or Urakata journal CSV, all or nothing
            Options: --Database:Provider=sqlite|postgres --ConnectionStrings:Urakata=... --Storage:DataPath=...
            """);
        return 0;
    }

    public static int Unknown(string verb)
    {
        Console.Error.WriteLine($"Unknown command '{verb}'. Run 'urakata help'.");
        return 1;
    }
}
