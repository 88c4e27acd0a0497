using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Hosting;
using Urakata.Workflow;
using Urakata.Workflow.Requests;

namespace Urakata.Bench;

/// <summary>
/// Scenario A: the demo company (株式会社サンプル商事) files 稟議 through <see cref="RequestService"/>; then
/// <see cref="BenchOptions.CallsPerStep"/> approve calls per waiting step race each other from the right approver,
/// each in its own DI scope. Exactly one may win per step; the database must show one approval per step.
/// Then the same service approves other requests one after another for the sequential throughput.
/// </summary>
public sealed class ConcurrencyScenario(BenchHost host, BenchOptions options, Report report)
{
    // Staff and chiefs of four departments: their 所属長 differ, so the race runs over several approvers.
    private static readonly string[] Applicants = ["yamada", "inoue", "matsumoto", "hayashi", "shimizu", "kato", "kobayashi", "ito", "ikeda", "mori"];

    private sealed record Waiting(Guid RequestId, Guid ApproverId);

    public async Task RunAsync()
    {
        const string section = "A. Concurrent approvals (RequestService.ApproveAsync)";
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // A password nobody knows: the bench never signs in (ASVS 6.3.2: no constant demo password).
        await DemoSeeder.SeedAsync(host.Services, "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), new DateOnly(today.Year - 1, 4, 1));
        var (companyId, people) = await host.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var ids = new Dictionary<string, Guid>();
            foreach (var name in Applicants.Append("admin"))
            {
                ids[name] = (await users.FindByNameAsync(name))!.Id;
            }
            var admin = (await users.FindByNameAsync("admin"))!;
            return (admin.CurrentCompanyId!.Value, ids);
        });

        // Filing: one request after another through the service (route resolution, numbering, audit, notifications).
        var waiting = new List<Waiting>();
        var submitTimes = new List<double>();
        var total = options.Steps + options.Sequential;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var applicant = Applicants[i % Applicants.Length];
            var values = new JsonObject { ["purpose"] = "業務のため", ["amount"] = 10_000 + (i * 1_000 % 900_000) };
            var t = Stopwatch.GetTimestamp();
            var request = await host.InCompanyAsync(companyId, people[applicant], sp =>
                sp.GetRequiredService<RequestService>().SubmitNewAsync(new RequestInput("ringi", Report.F($"ベンチ稟議 {i + 1}"), values)));
            submitTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            waiting.Add(new Waiting(request.Id, request.CurrentStep!.Approvers.Single().UserId));
        }
        var submitSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Fact(section, "requests filed (SubmitNewAsync, one after another)", $"{total:N0} in {submitSeconds:0.00} s = {total / submitSeconds:0} submits/s");
        report.Latency("submit 稟議 (RequestService.SubmitNewAsync)", Latency.Of(submitTimes), "scenario A setup");

        await RaceAsync(section, companyId, people["admin"], waiting.Take(options.Steps).ToList());
        await SequentialAsync(section, companyId, waiting.Skip(options.Steps).ToList());
    }

    private async Task RaceAsync(string section, Guid companyId, Guid adminId, List<Waiting> steps)
    {
        // The calls for one step sit next to each other, so they are in flight together (a double click, ten times over).
        var order = steps.OrderBy(_ => Random.Shared.Next()).SelectMany(s => Enumerable.Repeat(s, options.CallsPerStep)).ToList();
        var successes = 0;
        var conflicts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (call, ct) =>
        {
            try
            {
                await host.InCompanyAsync(companyId, call.ApproverId, sp => sp.GetRequiredService<RequestService>().ApproveAsync(call.RequestId, null, null, ct));
                Interlocked.Increment(ref successes);
            }
            catch (ConflictException ex)
            {
                conflicts.AddOrUpdate(ConflictKind(ex.Message), 1, (_, n) => n + 1);
            }
            catch (Exception ex)
            {
                errors.AddOrUpdate(Describe(ex), 1, (_, n) => n + 1);
            }
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var calls = order.Count;

        // What the database says: one approval per step, one audit row per decision, the route moved on once.
        var ids = steps.Select(s => s.RequestId).ToList();
        var (rows, audits, acted) = await host.InCompanyAsync(companyId, adminId, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            var requests = await db.Set<ApprovalRequest>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync();
            var keys = ids.Select(id => id.ToString("D")).ToList();
            var auditRows = await db.AuditEvents.CountAsync(e => e.EntityType == nameof(ApprovalRequest) && e.Action == AuditAction.Updated && keys.Contains(e.EntityId));
            var actedRows = await db.Set<RequestParticipant>().CountAsync(p => ids.Contains(p.RequestId) && p.Kind == ParticipantKind.Acted);
            return (requests, auditRows, actedRows);
        });
        var approvalsPerStep = rows.Select(r => r.Steps[0].Approvers.Count(a => a.Decision == Decision.Approved)).ToList();
        var approveEvents = rows.Select(r => r.History.Count(h => h.Action == "approve")).ToList();
        var exactlyOne = rows.Count(r => r.Steps[0].Approvers.Count(a => a.Decision == Decision.Approved) == 1 && r.History.Count(h => h.Action == "approve") == 1 && r.Version == 2);
        var doubles = approvalsPerStep.Count(n => n > 1) + approveEvents.Count(n => n > 1);

        report.Fact(section, "steps raced on / calls", $"{steps.Count:N0} steps × {options.CallsPerStep} calls = {calls:N0} calls, {options.Parallel} in flight, {Environment.ProcessorCount} cores");
        report.Fact(section, "successes", $"{successes:N0} (expected {steps.Count:N0})");
        report.Fact(section, "409 conflicts", $"{conflicts.Values.Sum():N0} (expected {calls - steps.Count:N0})");
        foreach (var (kind, count) in conflicts.OrderByDescending(c => c.Value))
        {
            report.Fact(section, "  of which " + kind, $"{count:N0}");
        }
        report.Fact(section, "other errors", $"{errors.Values.Sum():N0}");
        foreach (var (error, count) in errors.OrderByDescending(e => e.Value).Take(5))
        {
            report.Fact(section, "  error", $"{count:N0} × {error}");
        }
        report.Fact(section, "database: steps with exactly one approval", $"{exactlyOne:N0} of {rows.Count:N0} (one approve event, version 2)");
        report.Fact(section, "database: double approvals", $"{doubles:N0}");
        report.Fact(section, "database: audit 'Updated' rows / 'Acted' inbox rows", $"{audits:N0} / {acted:N0} (expected {steps.Count:N0} each)");
        report.Fact(section, "race elapsed", $"{seconds:0.000} s = {successes / seconds:0.0} approvals/s, {calls / seconds:0} calls/s");
        if (successes != steps.Count || doubles != 0 || !errors.IsEmpty || exactlyOne != steps.Count || audits != steps.Count)
        {
            report.Note("CONCURRENCY CHECK FAILED: see scenario A.");
            Failed = true;
        }
    }

    private async Task SequentialAsync(string section, Guid companyId, List<Waiting> requests)
    {
        if (requests.Count == 0)
        {
            return;
        }
        var times = new List<double>();
        var started = Stopwatch.GetTimestamp();
        foreach (var r in requests)
        {
            var t = Stopwatch.GetTimestamp();
            await host.InCompanyAsync(companyId, r.ApproverId, sp => sp.GetRequiredService<RequestService>().ApproveAsync(r.RequestId, null, null));
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Fact(section, "sequential approvals (one caller)", $"{requests.Count:N0} in {seconds:0.00} s = {requests.Count / seconds:0.0} approvals/s");
        report.Latency("approve (RequestService.ApproveAsync)", Latency.Of(times), "scenario A, one after another");
    }

    /// <summary>The exception and its innermost cause (for a DbUpdateException, the database's own error).</summary>
    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return inner == ex ? ex.GetType().Name + ": " + ex.Message : ex.GetType().Name + " ← " + inner.GetType().Name + ": " + inner.Message.ReplaceLineEndings(" ");
    }

    /// <summary>Set when an invariant did not hold (the exit code says so).</summary>
    public bool Failed { get; private set; }

    /// <summary>
    /// A caller that lost the race at save time hears "already decided"; one that loaded the request after the winner
    /// committed finds the request at the next step and hears "not your turn". Both are the same 409 to the user.
    /// </summary>
    private static string ConflictKind(string message) =>
        message == WorkflowMessages.AlreadyDecided ? "'already decided' (lost the race at save: version check)"
        : message == WorkflowMessages.NotYourTurn ? "'not your turn' (loaded after the winner: step moved on)"
        : Report.F($"'{message}'");
}
