using System.Globalization;

namespace Urakata.Bench;

/// <summary>Command-line options; every size can be scaled down for a smoke run.</summary>
public sealed record BenchOptions
{
    public const string PostgresVariable = "URAKATA_BENCH_POSTGRES";

    /// <summary>An Npgsql connection string to a server where the bench may create (and drop) its own database; null for SQLite.</summary>
    public string? Postgres { get; init; }
    /// <summary>Open requests loaded for the inbox scenario.</summary>
    public int Requests { get; init; } = 100_000;
    /// <summary>Approvers the open requests wait for.</summary>
    public int Approvers { get; init; } = 1_000;
    /// <summary>Steps (one request each) that the concurrency scenario races on.</summary>
    public int Steps { get; init; } = 100;
    /// <summary>Approve calls per step in the race.</summary>
    public int CallsPerStep { get; init; } = 10;
    /// <summary>Calls in flight at once in the race.</summary>
    public int Parallel { get; init; } = 100;
    /// <summary>Requests approved one after another for the sequential throughput.</summary>
    public int Sequential { get; init; } = 200;
    /// <summary>Timed calls per inbox measure (after the warm-up).</summary>
    public int Samples { get; init; } = 1_000;
    public int Warmup { get; init; } = 50;
    /// <summary>Requests per SaveChanges while loading.</summary>
    public int BatchSize { get; init; } = 2_000;
    public int Seed { get; init; } = 20261124;
    /// <summary>Run ANALYZE after the load (the app itself never does).</summary>
    public bool Analyze { get; init; }
    /// <summary>Keep the database (SQLite folder or PostgreSQL database) for a look with sqlite3/psql afterwards.</summary>
    public bool Keep { get; init; }
    /// <summary>
    /// A database kept by an earlier <c>--people --keep</c> run (the SQLite file or the PostgreSQL database name): its
    /// company is timed again (classification and lists) without loading it anew; nothing in it is changed.
    /// </summary>
    public string? Reuse { get; init; }
    /// <summary>Folder for workflow-&lt;provider&gt;.md; null: bench/results of the repository.</summary>
    public string? ResultsFolder { get; init; }
    public bool WriteResults { get; init; } = true;

    /// <summary>Run the general-ledger benchmark (<see cref="LedgerScenario"/>) instead of the approval engine's.</summary>
    public bool Ledger { get; init; }
    /// <summary>Book sizes for the ledger benchmark, each in its own company.</summary>
    public IReadOnlyList<int> Entries { get; init; } = [10_000, 100_000];
    /// <summary>Entries posted one at a time through JournalPosting.</summary>
    public int SequentialPosts { get; init; } = 2_000;
    /// <summary>Callers posting at once in the concurrent posting run (each one entry at a time, as API clients do).</summary>
    public int PostCallers { get; init; } = 64;
    /// <summary>Timed calls per ledger report (after one warm-up call).</summary>
    public int LedgerSamples { get; init; } = 20;

    /// <summary>Run the People benchmark (<see cref="PeopleScenario"/>) instead of the approval engine's.</summary>
    public bool People { get; init; }
    /// <summary>Employees of the People benchmark, each with a month of clock records.</summary>
    public int Employees { get; init; } = 10_000;
    /// <summary>Months of clock records before this one (hired on the first day of the first); 6 makes everyone's first grant due.</summary>
    public int Months { get; init; } = 6;
    /// <summary>Departments they are spread over (the department-month list shows one).</summary>
    public int Departments { get; init; } = 50;

    public string Provider => Postgres is null ? "sqlite" : "postgres";

    public static string Usage => """
        Usage: dotnet run -c Release --project bench/Urakata.Bench -- [options]

        Runs the approval-engine benchmark against a fresh SQLite file in a temp folder, or against a new
        database on a PostgreSQL server, and writes bench/results/workflow-<provider>.md.

          --postgres CONN      Npgsql connection string of a server to create the bench database on
                               (default: $URAKATA_BENCH_POSTGRES; neither: SQLite)
          --requests N         open requests for the inbox scenario (100000)
          --approvers N        approvers they wait for (1000)
          --steps N            steps raced on in the concurrency scenario (100)
          --calls-per-step N   approve calls per step (10)
          --parallel N         calls in flight at once (100)
          --sequential N       requests approved one after another (200)
          --samples N          timed calls per inbox measure (1000), after --warmup N (50)
          --batch N            requests per SaveChanges while loading (2000)
          --seed N             random seed (20261124)
          --analyze            run ANALYZE after the load (the app never does)
          --keep               keep the database afterwards and print where it is
          --results DIR        where to write workflow-<provider>.md (bench/results)
          --no-write           print only

        General ledger (writes bench/results/ledger-<provider>.md instead):
          --ledger             run the ledger benchmark: bulk import, books, ledger-cli comparison, posting
          --entries N[,N…]     book sizes, each in a new company (10000,100000; add 1000000 for the full run)
          --posts N            entries posted one at a time through JournalPosting (2000)
          --ledger-samples N   timed calls per report (20)
        People (writes bench/results/people-<provider>.md instead):
          --people             run the People benchmark: a month of clock records, classification, lists, close, grants
          --employees N        employees, each with a month of clock records (10000)
          --departments N      departments they are spread over (50)
          --months N           months of clock records before this one, from the hire date (6: first grants due)
          (--ledger-samples N sets the timed calls per list as well)
          --reuse DB           time the classification and the lists again on a database an earlier
                               --people --keep run printed (SQLite file or PostgreSQL database name),
                               in the same month: no load, no close, no grant job, nothing changed
        Smoke run: --requests 2000 --approvers 20 --steps 10 --sequential 20 --samples 100
        """;

    private static int[] Sizes(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t =>
            int.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException("--entries needs positive whole numbers separated by commas."))];

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { Postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } env ? env : null };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
            o = args[i] switch
            {
                "--postgres" => o with { Postgres = Value() },
                "--sqlite" => o with { Postgres = null },
                "--requests" => o with { Requests = Number() },
                "--approvers" => o with { Approvers = Number() },
                "--steps" => o with { Steps = Number() },
                "--calls-per-step" => o with { CallsPerStep = Number() },
                "--parallel" => o with { Parallel = Number() },
                "--sequential" => o with { Sequential = Number() },
                "--samples" => o with { Samples = Number() },
                "--warmup" => o with { Warmup = Number() },
                "--batch" => o with { BatchSize = Number() },
                "--seed" => o with { Seed = Number() },
                "--analyze" => o with { Analyze = true },
                "--keep" => o with { Keep = true },
                "--reuse" => o with { Reuse = Value(), Keep = true },
                "--results" => o with { ResultsFolder = Value() },
                "--no-write" => o with { WriteResults = false },
                "--ledger" => o with { Ledger = true },
                "--entries" => o with { Entries = Sizes(Value()) },
                "--posts" => o with { SequentialPosts = Number() },
                "--post-callers" => o with { PostCallers = Number() },
                "--ledger-samples" => o with { LedgerSamples = Number() },
                "--people" => o with { People = true },
                "--employees" => o with { Employees = Number() },
                "--departments" => o with { Departments = Number() },
                "--months" => o with { Months = Number() },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }
        if (o.Reuse is not null && !o.People)
        {
            throw new ArgumentException("--reuse is for --people.");
        }
        if (o.SequentialPosts < 2)
        {
            throw new ArgumentException("--posts must be at least 2.");
        }
        if (o.Approvers < 2)
        {
            throw new ArgumentException("--approvers must be at least 2 (a request's two steps have different approvers).");
        }
        return o;
    }
}
