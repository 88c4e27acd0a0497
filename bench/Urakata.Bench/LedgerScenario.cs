using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting.Demo;
using Urakata.Accounting.Import;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Reports;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;

namespace Urakata.Bench;

/// <summary>
/// The general ledger at 10k–1M entries: a generated year of a Japanese company (<see cref="GeneratedBook"/>) imported
/// through <see cref="JournalImport"/>, the books read back (残高試算表, 貸借対照表, 損益計算書, 月次推移表, 総勘定元帳 first page
/// and full export), the same book written as a ledger-cli journal and balanced by <c>ledger</c> for comparison
/// (account by account), and posting one entry at a time through <see cref="JournalPosting"/>.
/// </summary>
public sealed class LedgerScenario(BenchHost host, BenchOptions options, Report report)
{
    private static readonly DateOnly YearStart = new(2026, 4, 1);
    private const int Fy = 2026;
    private Guid _adminId;

    public bool Failed { get; private set; }

    /// <summary>Measures per size, for the summary table: measure → size → value.</summary>
    private readonly List<(string Measure, Dictionary<int, string> Values)> _summary = [];

    public async Task RunAsync()
    {
        foreach (var size in options.Entries)
        {
            Console.Error.WriteLine(Report.F($"== ledger: {size:N0} entries"));
            await RunSizeAsync(size);
        }
        await SequentialAsync();
        var sizes = options.Entries;
        var table = new StringBuilder();
        table.Append("| measure |").AppendJoin("", sizes.Select(s => Report.F($" {s:N0} entries |"))).AppendLine();
        table.Append("|---|").AppendJoin("", sizes.Select(_ => "---:|")).AppendLine();
        foreach (var (measure, values) in _summary)
        {
            table.Append(Report.F($"| {measure} |")).AppendJoin("", sizes.Select(s => " " + values.GetValueOrDefault(s, "") + " |")).AppendLine();
        }
        report.Markdown(table.ToString());
    }

    private void Summary(string measure, int size, string value)
    {
        var row = _summary.FirstOrDefault(s => s.Measure == measure);
        if (row.Values is null)
        {
            row = (measure, []);
            _summary.Add(row);
        }
        row.Values[size] = value;
    }

    private async Task<Guid> NewCompanyAsync(string name)
    {
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var (companyId, adminId) = await host.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "ledger-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "ベンチ 経理", Email = null, CreatedAt = now };
            UserAdmin.ThrowIfFailed(await users.CreateAsync(admin));
            var company = await sp.GetRequiredService<CompanyAdmin>().FoundAsync(new SaveCompany(name, null, null, null, 3, null, null), admin.Id);
            admin.CurrentCompanyId = company.Id;
            UserAdmin.ThrowIfFailed(await users.UpdateAsync(admin));
            return (company.Id, admin.Id);
        });
        _adminId = adminId;
        await host.InCompanyAsync(companyId, adminId, async sp =>
        {
            await sp.GetRequiredService<LedgerContext>().LoadAsync();
            await GeneratedBook.SeedMastersAsync(sp.GetRequiredService<UrakataDbContext>(), companyId);
            return true;
        });
        return companyId;
    }

    private async Task RunSizeAsync(int size)
    {
        var section = Report.F($"{size:N0} entries");
        var company = await NewCompanyAsync(Report.F($"株式会社元帳{size}"));
        var book = new GeneratedBook(size, YearStart, options.Seed);

        // Import.
        var lastShown = Stopwatch.GetTimestamp();
        var progress = new SyncProgress(p =>
        {
            if (Stopwatch.GetElapsedTime(lastShown).TotalSeconds >= 5 || p.Done == p.Total)
            {
                lastShown = Stopwatch.GetTimestamp();
                Console.Error.WriteLine(Report.F($"   import {p.Done:N0}/{p.Total:N0}"));
            }
        });
        var started = Stopwatch.GetTimestamp();
        var result = await host.InCompanyAsync(company, _adminId, sp => sp.GetRequiredService<JournalImport>().ImportAsync(book, progress));
        var import = Stopwatch.GetElapsedTime(started);
        report.Fact(section, "import (JournalImport, one transaction)", $"{import.TotalSeconds:0.00} s, {size / import.TotalSeconds:N0} entries/s, {result.Lines:N0} lines");
        Summary("import: seconds (entries/s)", size, Report.F($"{import.TotalSeconds:0.0} s ({size / import.TotalSeconds:N0}/s)"));
        Summary("journal lines", size, Report.F($"{result.Lines:N0}"));
        if (options.Analyze)
        {
            await host.AnalyzeAsync();
        }

        // Books.
        async Task<Latency> Time(string name, Func<IServiceProvider, Task> call, int samples, string? summaryName = null)
        {
            await host.InCompanyAsync(company, _adminId, async sp => { await call(sp); return true; });
            var ms = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                ms.Add(await host.InCompanyAsync(company, _adminId, async sp =>
                {
                    var t = Stopwatch.GetTimestamp();
                    await call(sp);
                    return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }));
            }
            var latency = Latency.Of(ms);
            report.Latency(Report.F($"{size:N0}: {name}"), latency, "own DI scope per call (chart and settings loaded each time)");
            Summary((summaryName ?? name) + ": p50 ms", size, Report.F($"{latency.P50:0.0}"));
            return latency;
        }
        var samples = options.LedgerSamples;
        await Time("trial balance (12 months)", sp => sp.GetRequiredService<TrialBalanceReport>().RunAsync(Fy, 1, 12), samples);
        await Time("balance sheet", async sp =>
        {
            var tb = await sp.GetRequiredService<TrialBalanceReport>().RunAsync(Fy, 1, 12);
            FinancialStatements.BalanceSheet(tb, (await sp.GetRequiredService<LedgerContext>().LoadAsync()).RetainedEarnings);
        }, samples);
        await Time("profit and loss", async sp => FinancialStatements.ProfitAndLoss(await sp.GetRequiredService<TrialBalanceReport>().RunAsync(Fy, 1, 12)), samples);
        await Time("monthly trend (月次推移表)", sp => sp.GetRequiredService<MonthlyReports>().TrendAsync(Fy), samples);
        var busiest = await host.InCompanyAsync(company, _adminId, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            var top = await db.Set<JournalLine>().Where(l => l.CompanyId == company).GroupBy(l => l.AccountId)
                .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
            var context = await sp.GetRequiredService<LedgerContext>().LoadAsync();
            return (context.Accounts[top.Key].Code, context.Accounts[top.Key].Name, top.Count);
        });
        await Time(Report.F($"GL first page ({busiest.Code})"), sp => sp.GetRequiredService<GeneralLedgerReport>().PageAsync(busiest.Code, Fy, 1, 12), samples,
            "GL first page, busiest account");
        var exported = 0;
        var export = await Time(Report.F($"GL full export ({busiest.Code})"), async sp =>
        {
            exported = 0;
            await foreach (var _ in sp.GetRequiredService<GeneralLedgerReport>().AllAsync(busiest.Code, Fy, 1, 12, null))
            {
                exported++;
            }
        }, Math.Min(samples, 3), "GL full export, busiest account");
        report.Fact(section, "busiest account", $"{busiest.Code} {busiest.Name}: {busiest.Count:N0} lines; full GL export {export.P50 / 1000:0.00} s ({exported:N0} lines)");

        // ledger-cli on the same book.
        await LedgerCliAsync(section, size, company, book);

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        report.Fact(section, "peak working set of the bench process so far", $"{peak:N0} MiB (GC heap now {GC.GetTotalMemory(false) / (1024.0 * 1024):N0} MiB)");
        Summary("peak working set so far, MiB", size, Report.F($"{peak:N0}"));
    }

    private async Task LedgerCliAsync(string section, int size, Guid company, GeneratedBook book)
    {
        var folder = Directory.CreateTempSubdirectory("urakata-ledger-").FullName;
        try
        {
            var file = Path.Combine(folder, "book.ledger");
            var started = Stopwatch.GetTimestamp();
            await host.InCompanyAsync(company, _adminId, sp => WriteLedgerFileAsync(sp, book, file));
            report.Fact(section, "book.ledger written", $"{new FileInfo(file).Length / (1024.0 * 1024):0.0} MiB in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            var (bal, balTime) = await RunLedgerAsync("-f", file, "bal");
            if (bal is null)
            {
                report.Fact(section, "ledger -f book.ledger bal", "ledger not found (apt-get install ledger)");
                return;
            }
            var cli = await RunLedgerAsync("-f", file, "bal", "--flat", "--no-total", "--format", "%(account)\t%(display_total)\n");
            var version = (await RunLedgerAsync("--version")).Output?.Split('\n')[0] ?? "";
            report.Fact(section, "ledger -f book.ledger bal", $"{balTime.TotalSeconds:0.00} s ({version.Trim()})");
            Summary("ledger -f book.ledger bal, s", size, Report.F($"{balTime.TotalSeconds:0.00}"));

            var theirs = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var line in cli.Output!.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split('\t');
                var amount = parts[1].Replace("JPY", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
                theirs[parts[0].Trim()] = amount is "" or "0" ? 0 : long.Parse(amount, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
            var tb = await host.InCompanyAsync(company, _adminId, sp => sp.GetRequiredService<TrialBalanceReport>().RunAsync(Fy, 1, 12));
            var ours = tb.Rows.Select(r => (Account: r.Code + " " + r.Name, Net: r.NormalSide == Urakata.Accounting.Accounts.BalanceSide.Debit ? r.Closing : -r.Closing))
                .Where(r => r.Net != 0).ToDictionary(r => r.Account, r => r.Net, StringComparer.Ordinal);
            var mismatches = ours.Keys.Union(theirs.Keys).Where(a => ours.GetValueOrDefault(a) != theirs.GetValueOrDefault(a)).Order(StringComparer.Ordinal).ToList();
            foreach (var a in mismatches.Take(10))
            {
                report.Note(Report.F($"{size:N0}: MISMATCH {a}: Urakata {ours.GetValueOrDefault(a):N0}, ledger {theirs.GetValueOrDefault(a):N0}"));
            }
            Failed |= mismatches.Count > 0;
            var verdict = mismatches.Count == 0 ? Report.F($"equal, {ours.Count} accounts") : Report.F($"{mismatches.Count} MISMATCHES");
            report.Fact(section, "trial balance = ledger's balances, account by account", verdict);
            Summary("trial balance = ledger bal", size, verdict);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The book as ledger-cli reads it: one transaction per entry, the lines after the tax split (as posted), debits positive.</summary>
    private static async Task<bool> WriteLedgerFileAsync(IServiceProvider sp, GeneratedBook book, string file)
    {
        var db = sp.GetRequiredService<UrakataDbContext>();
        var context = await sp.GetRequiredService<LedgerContext>().LoadAsync();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id);
        var partners = await db.Set<Urakata.Accounting.Partners.Partner>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id);
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        var text = new StringBuilder(512);
        foreach (var entry in book)
        {
            var lines = JournalPosting.Lines(entry, context, departments, partners);
            text.Clear().Append(CultureInfo.InvariantCulture, $"{entry.Date:yyyy-MM-dd} * {entry.Description}\n");
            foreach (var l in lines)
            {
                var amount = l.Side == Urakata.Accounting.Accounts.BalanceSide.Debit ? l.Amount : -l.Amount;
                text.Append(CultureInfo.InvariantCulture, $"    {l.Account.Code} {l.Account.Name}  JPY {amount}\n");
            }
            await writer.WriteAsync(text.Append('\n'));
        }
        return true;
    }

    private static async Task<(string? Output, TimeSpan Elapsed)> RunLedgerAsync(params string[] args)
    {
        var info = new ProcessStartInfo("ledger") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("ledger failed: " + await error);
            }
            return (await output, elapsed);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Posting one entry at a time through the path the UI and API use (<see cref="JournalPosting.PostAsync(JournalEntryInput, CancellationToken)"/>,
    /// own DI scope per call): first one caller after another, then <see cref="BenchOptions.PostCallers"/> callers at once,
    /// each posting its share one entry after the other — many users and API clients of one company — in a warm-up round
    /// and a measured one; the chain and the balances are verified after.
    /// </summary>
    private async Task SequentialAsync()
    {
        var count = options.SequentialPosts;
        var company = await NewCompanyAsync("株式会社逐次転記");
        var book = new GeneratedBook(count * 3, YearStart, options.Seed + 1);
        Task<JournalEntry> Post(int i) => host.InCompanyAsync(company, _adminId, sp => sp.GetRequiredService<JournalPosting>().PostAsync(book[i]));
        await Post(0);

        var ms = new List<double>(count);
        var started = Stopwatch.GetTimestamp();
        for (var i = 1; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await Post(i);
            ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        report.Fact("Posting one at a time", "JournalPosting.PostAsync, own DI scope per call, one caller",
            $"{count - 1:N0} entries in {elapsed.TotalSeconds:0.0} s: {(count - 1) / elapsed.TotalSeconds:N0} entries/s");
        report.Latency("post one entry, one caller", Latency.Of(ms), "each call waits for its commit");

        var callers = options.PostCallers;
        async Task<(TimeSpan Elapsed, double[] Ms)> Concurrently(int from)
        {
            var ms = new double[count];
            var next = from - 1;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < from + count)
                {
                    var t = Stopwatch.GetTimestamp();
                    await Post(i);
                    ms[i - from] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
            })));
            return (Stopwatch.GetElapsedTime(started), ms);
        }
        // A warm-up round first: a server runs for days, and the group-commit path's code is still being tiered up by the
        // JIT after the one-caller run (batches of one take other branches).
        await Concurrently(count);
        var (concurrentElapsed, concurrent) = await Concurrently(2 * count);
        report.Fact("Posting one at a time", Report.F($"the same, {callers} callers at once (after a warm-up round)"),
            Report.F($"{count:N0} entries in {concurrentElapsed.TotalSeconds:0.0} s: {count / concurrentElapsed.TotalSeconds:N0} entries/s"));
        report.Latency(Report.F($"post one entry, {callers} callers"), Latency.Of(concurrent), "each call waits for its commit (group commit)");
        await host.InCompanyAsync(company, _adminId, async sp =>
        {
            var broken = await JournalVerifier.VerifyCompanyAsync(sp.GetRequiredService<UrakataDbContext>(), company, CancellationToken.None);
            report.Fact("Posting one at a time", "journal chain and balances after both runs", broken?.Reason ?? "intact");
            Failed |= broken is not null;
            return true;
        });
    }

    private sealed class SyncProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
