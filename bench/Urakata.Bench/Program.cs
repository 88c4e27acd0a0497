using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Bench;

// The approval engine end to end: concurrent approvals (scenario A) and the inbox over 100,000 open requests
// (scenario B), on SQLite or PostgreSQL. See bench/README.md.
BenchOptions options;
try
{
    if (args.Contains("-h") || args.Contains("--help"))
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

// Messages (the 409 reasons) in English for the report; the app's own Japanese texts are unaffected.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

var report = new Report();
var total = Stopwatch.StartNew();
var failed = false;
await using (var host = await BenchHost.StartAsync(options))
{
    var clock = host.Services.GetRequiredService<TimeProvider>();
    const string machine = "Machine";
    report.Fact(machine, "date (UTC)", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    report.Fact(machine, "cores / memory", $"{Environment.ProcessorCount} / {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB");
    report.Fact(machine, "CPU", CpuModel());
    report.Fact(machine, "OS / runtime", $"{RuntimeInformation.OSDescription} / {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
    report.Fact(machine, "database", $"{await host.ServerVersionAsync()} ({host.Provider}; {(host.Provider == "sqlite" ? "WAL file in a temp folder" : "new database on the given server")})");
    if (!options.Ledger && !options.People)
    {
        report.Fact(machine, "sizes", $"--requests {options.Requests} --approvers {options.Approvers} --steps {options.Steps} --calls-per-step {options.CallsPerStep} --parallel {options.Parallel} --sequential {options.Sequential} --samples {options.Samples}");
    }

    if (options.People)
    {
        report.Fact(machine, "people sizes", $"--employees {options.Employees} --departments {options.Departments} --months {options.Months} --ledger-samples {options.LedgerSamples} --seed {options.Seed}");
        var people = new PeopleScenario(host, options, report);
        await people.RunAsync();
        failed |= people.Failed;
    }
    else if (options.Ledger)
    {
        report.Fact(machine, "ledger sizes", $"--entries {string.Join(',', options.Entries)} --posts {options.SequentialPosts} --post-callers {options.PostCallers} --ledger-samples {options.LedgerSamples} --seed {options.Seed}");
        var ledger = new LedgerScenario(host, options, report);
        await ledger.RunAsync();
        failed |= ledger.Failed;
    }
    else
    {
        Console.Error.WriteLine("== A. concurrent approvals");
        var concurrency = new ConcurrencyScenario(host, options, report);
        await concurrency.RunAsync();
        failed |= concurrency.Failed;

        Console.Error.WriteLine(Report.F($"== B. loading {options.Requests:N0} requests for {options.Approvers:N0} approvers"));
        await new InboxScenario(host, options, report).RunAsync();

        var target = report.Latencies.FirstOrDefault(l => l.Measure.StartsWith("inbox: waiting (", StringComparison.Ordinal));
        if (target.Latency is { } waiting)
        {
            report.Fact("Target", "inbox p95 < 50 ms (waiting, first page)", waiting.P95 < 50 ? $"met: p95 {waiting.P95:0.00} ms" : (FormattableString)$"MISSED: p95 {waiting.P95:0.00} ms");
        }
    }
    report.Fact("Target", "whole run", $"{total.Elapsed.TotalMinutes:0.0} min");
    if (options.Keep)
    {
        report.Note("database kept: " + host.Location);
    }
}

Console.WriteLine();
Console.WriteLine(report.ToText());
if (options.WriteResults)
{
    var folder = options.ResultsFolder ?? Path.Combine(RepositoryRoot(), "bench", "results");
    Directory.CreateDirectory(folder);
    var name = options.People ? "people" : options.Ledger ? "ledger" : "workflow";
    var file = Path.Combine(folder, $"{name}-{options.Provider}.md");
    var command = "dotnet run -c Release --project bench/Urakata.Bench -- " + string.Join(' ', Redacted(args));
    await File.WriteAllTextAsync(file, report.ToMarkdown($"{(options.People ? "People" : options.Ledger ? "General ledger" : "Workflow")} benchmark — {options.Provider}", command.TrimEnd()));
    Console.WriteLine("Written to " + Path.GetFullPath(file));
}
return failed ? 1 : 0;

// The connection string may carry a password: the results file names the option, not its value.
static IEnumerable<string> Redacted(string[] args)
{
    for (var i = 0; i < args.Length; i++)
    {
        yield return args[i];
        if (args[i] == "--postgres" && i + 1 < args.Length)
        {
            i++;
            yield return "\"$URAKATA_TEST_POSTGRES\"";
        }
    }
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Urakata.slnx")))
            {
                return dir.FullName;
            }
        }
    }
    return Directory.GetCurrentDirectory();
}

static string CpuModel()
{
    const string cpuinfo = "/proc/cpuinfo";
    var line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
    return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
}
