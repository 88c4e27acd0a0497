using System.Security.Cryptography;
using Urakata.Platform.Data;
using Urakata.Platform.Hosting;

namespace Urakata.Web;

/// <summary>First-run work of <c>serve</c>: migrate, seed the demo company, print where to go and how to sign in.</summary>
internal static class Startup
{
    public sealed record DemoInfo(string Password, IReadOnlyList<DemoLogin> Logins);

    public static async Task<DemoInfo?> PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration)
    {
        if (configuration.GetValue("Database:Migrate", true))
        {
            await DatabaseMigrator.MigrateAsync(services);
        }
        if (!configuration.GetValue("Demo:Seed", DatabaseSetup.Provider(configuration) == "sqlite"))
        {
            return null;
        }
        var password = DemoPassword(configuration);
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await DemoSeeder.SeedAsync(services, password, new DateOnly(today.Year - 1, 4, 1));
        return new DemoInfo(password, DemoSeeder.Logins);
    }

    /// <summary>
    /// The demo password is never a constant in the repository (ASVS 6.3.2): it comes from
    /// <c>Demo:Password</c> or is generated once per data folder and kept next to the database.
    /// </summary>
    public static string DemoPassword(IConfiguration configuration)
    {
        if (configuration["Demo:Password"] is { Length: > 0 } configured)
        {
            return configured;
        }
        var file = Path.Combine(DatabaseSetup.DataPath(configuration), "demo-password.txt");
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var password = "demo-" + string.Concat(Enumerable.Range(0, 12).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return password;
    }

    public static void PrintWelcome(ICollection<string> addresses, DemoInfo? demo)
    {
        var url = addresses.FirstOrDefault() ?? UrakataApp.DefaultUrl;
        Console.WriteLine();
        Console.WriteLine("  裏方 Urakata is running");
        Console.WriteLine($"  URL:  {url}");
        Console.WriteLine($"  API:  {url}/scalar  (OpenAPI: {url}/openapi/v1.json)");
        if (demo is not null)
        {
            Console.WriteLine($"  Demo company: {DemoSeeder.CompanyName}");
            Console.WriteLine($"  Demo sign-ins (password for all: {demo.Password}):");
            foreach (var login in demo.Logins)
            {
                Console.WriteLine($"    {login.UserName,-10} {login.Description}");
            }
        }
        Console.WriteLine("  Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
