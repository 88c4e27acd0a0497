using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Import;
using Urakata.Platform.Data;
using Urakata.Platform.Hosting;
using Urakata.Platform.Security;

namespace Urakata.Web.Cli;

/// <summary><c>urakata import journal FILE --company NAME [--format yayoi|generic]</c>: all or nothing, with progress.</summary>
internal static class ImportCli
{
    public static async Task<int> ImportAsync(WebApplication app, string[] positional)
    {
        var companyName = app.Configuration["company"];
        if (positional is not ["journal", var file] || string.IsNullOrWhiteSpace(companyName))
        {
            await Console.Error.WriteLineAsync("usage: urakata import journal FILE --company NAME [--format yayoi|generic]");
            return 1;
        }
        var format = (app.Configuration["format"] ?? "yayoi").ToLowerInvariant() switch
        {
            "yayoi" => JournalFileFormat.Yayoi,
            "generic" or "urakata" => JournalFileFormat.Generic,
            var other => throw new InvalidOperationException($"unknown format '{other}': yayoi or generic"),
        };
        await DatabaseMigrator.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var current = sp.GetRequiredService<CurrentUser>();
        Guid companyId;
        using (current.AsSystem("import"))
        {
            companyId = await sp.GetRequiredService<UrakataDbContext>().Companies.Where(c => c.Name == companyName).Select(c => c.Id).SingleOrDefaultAsync();
        }
        if (companyId == Guid.Empty)
        {
            await Console.Error.WriteLineAsync($"error: no company named '{companyName}'");
            return 1;
        }
        using var inCompany = current.InCompany(companyId, null, "cli-import");
        await using var stream = File.OpenRead(file);
        var lastShown = -1;
        var progress = new Progress<(int Done, int Total)>(p =>
        {
            var percent = p.Done * 100 / p.Total;
            if (percent / 10 != lastShown / 10 || p.Done == p.Total)
            {
                lastShown = percent;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Done:N0} / {p.Total:N0} entries ({percent}%)"));
            }
        });
        var started = TimeProvider.System.GetTimestamp();
        var result = await sp.GetRequiredService<JournalFileImporter>().ImportAsync(stream, format, progress);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: nothing was imported; {result.Errors.Count} problem(s):");
            foreach (var e in result.Errors.Take(100))
            {
                await Console.Error.WriteLineAsync($"  row {e.Row}, {e.Column}: {e.Message}");
            }
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {result.Imported:N0} entries (No.{result.FirstNumber}–No.{result.LastNumber}) into {companyName} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s."));
        return 0;
    }
}
