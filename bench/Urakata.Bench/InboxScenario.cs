using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Numbering;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;
using Urakata.Workflow.Routing;

namespace Urakata.Bench;

/// <summary>
/// Scenario B: a company with <see cref="BenchOptions.Approvers"/> approvers (and as many other staff) and
/// <see cref="BenchOptions.Requests"/> open requests waiting for them, loaded as the app would write them; then
/// the inbox (<see cref="InboxQuery"/>) of random approvers, one caller at a time.
/// </summary>
public sealed class InboxScenario(BenchHost host, BenchOptions options, Report report)
{
    private const string Section = "B. Inbox (InboxQuery)";
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly string[] Surnames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "清水", "山崎"];
    private static readonly string[] GivenNames = ["健一", "一郎", "美咲", "由美", "浩二", "花子", "陽子", "真理", "健", "大輔", "翔", "さくら", "太郎", "美穂", "誠", "優子", "拓也", "修", "彩", "亮"];
    private static readonly string[] Topics = ["サーバー更新", "サーバー保守契約", "ノートPC購入", "大阪出張", "福岡出張", "研修参加", "展示会出展", "広告掲載", "オフィス家具", "ソフトウェアライセンス", "外注費", "交際費", "会議室改装", "採用イベント", "顧問契約更新"];
    private static readonly string[] Vendors = ["株式会社アルファ商会", "ベータ電機株式会社", "ガンマ事務機", "デルタシステムズ", "イプシロン工業"];
    private static readonly (string Kind, int Weight)[] Kinds = [("ringi", 35), ("general", 25), ("purchase", 20), ("travel", 20)];

    private sealed record Person(Guid Id, string Name);

    /// <summary>One request to load: who filed it, for which kind, its route's approvers and how far it has come.</summary>
    private sealed record Spec(string Kind, Person Applicant, string Title, long Amount, Person[] Approvers, int WaitingAt, DateTime SubmittedAt, DateTime[] ApprovedAt, int Seed);

    private Guid _companyId;
    private Guid _adminId;
    private List<Person> _approvers = [];
    private List<Person> _staff = [];

    public async Task RunAsync()
    {
        await CreatePeopleAsync();
        var specs = Plan();
        await LoadAsync(specs);
        if (options.Analyze)
        {
            await host.AnalyzeAsync();
            report.Fact(Section, "planner statistics", "ANALYZE run after the load (--analyze)");
        }
        else
        {
            report.Fact(Section, "planner statistics", host.Provider == "sqlite"
                ? "none (the app never runs ANALYZE)"
                : "whatever autovacuum has gathered by then (the app never runs ANALYZE)");
        }
        await CountRowsAsync();
        await MeasureAsync();
    }

    private async Task CreatePeopleAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        (_companyId, _adminId) = await host.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "bench-admin", DisplayName = "ベンチ 管理者", Email = "bench-admin@example.jp", CreatedAt = now };
            UserAdmin.ThrowIfFailed(await users.CreateAsync(admin));
            var company = await sp.GetRequiredService<CompanyAdmin>().FoundAsync(new SaveCompany("株式会社ベンチマーク", null, null, null, 3, null, null), admin.Id);
            admin.CurrentCompanyId = company.Id;
            UserAdmin.ThrowIfFailed(await users.UpdateAsync(admin));
            return (company.Id, admin.Id);
        });
        _approvers = await CreateMembersAsync("approver", options.Approvers, now);
        _staff = await CreateMembersAsync("staff", options.Approvers, now);
        report.Fact(Section, "people", $"{_approvers.Count:N0} approvers + {_staff.Count:N0} other staff, members of a new company, in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Members as an administrator adds them (UserManager + membership, audited), in batches. No password: hashing
    /// 2,000 of them (PBKDF2, 210,000 rounds) would only time the hash, and the bench never signs in.
    /// </summary>
    private async Task<List<Person>> CreateMembersAsync(string kind, int count, DateTime now)
    {
        var result = new List<Person>(count);
        for (var start = 0; start < count; start += 250)
        {
            var batch = Enumerable.Range(start, Math.Min(250, count - start)).ToList();
            result.AddRange(await host.InCompanyAsync(_companyId, _adminId, async sp =>
            {
                var db = sp.GetRequiredService<UrakataDbContext>();
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                return await db.InTransactionAsync(async ct =>
                {
                    var created = new List<Person>();
                    foreach (var i in batch)
                    {
                        var name = Report.F($"{Surnames[i % Surnames.Length]} {GivenNames[i / Surnames.Length % GivenNames.Length]}");
                        var user = new AppUser
                        {
                            UserName = Report.F($"bench-{kind}-{i + 1:D5}"),
                            DisplayName = name,
                            Email = Report.F($"bench-{kind}-{i + 1:D5}@example.jp"),
                            CreatedAt = now,
                            CurrentCompanyId = _companyId,
                        };
                        UserAdmin.ThrowIfFailed(await users.CreateAsync(user));
                        var membership = new CompanyMembership(_companyId, user.Id);
                        membership.SetEmployeeNumber(Report.F($"{(kind == "approver" ? "M" : "S")}{i + 1:D5}"));
                        db.Memberships.Add(membership);
                        created.Add(new Person(user.Id, name));
                    }
                    await db.SaveChangesAsync(ct);
                    return created;
                }, CancellationToken.None);
            }));
        }
        return result;
    }

    /// <summary>
    /// The requests, reproducibly random: kinds by weight, amounts from ¥1,000 to ¥5,000,000, submitted over the last
    /// 90 days by anyone, each waiting for one approver — at its first step, or further on after earlier approvals.
    /// </summary>
    private List<Spec> Plan()
    {
        var rng = new Random(options.Seed);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var applicants = _approvers.Concat(_staff).ToList();
        var weights = Kinds.Sum(k => k.Weight);
        var specs = new List<Spec>(options.Requests);
        for (var i = 0; i < options.Requests; i++)
        {
            var pick = rng.Next(weights);
            var kind = Kinds.First(k => (pick -= k.Weight) < 0).Kind;
            var applicant = applicants[rng.Next(applicants.Count)];
            // Log-uniform: many small requests, a few large ones (some above the ¥1,000,000 役員決裁 line).
            var amount = (long)Math.Round(Math.Exp(Math.Log(1_000) + (rng.NextDouble() * (Math.Log(5_000_000) - Math.Log(1_000)))) / 100) * 100;
            var stepCount = kind is "ringi" or "purchase" && amount >= BuiltInKinds.ExecutiveThreshold ? 3 : 2;
            var approvers = new List<Person>();
            while (approvers.Count < stepCount)
            {
                var candidate = _approvers[rng.Next(_approvers.Count)];
                if (candidate.Id != applicant.Id && !approvers.Contains(candidate))
                {
                    approvers.Add(candidate);
                }
            }
            var roll = rng.NextDouble();
            var waitingAt = roll < 0.55 ? 0 : roll < 0.90 || stepCount == 2 ? 1 : 2;
            var submitted = now.AddMinutes(-rng.Next(60, 90 * 24 * 60));
            var approved = new DateTime[waitingAt];
            var at = submitted;
            for (var s = 0; s < waitingAt; s++)
            {
                at = at.AddMinutes(rng.Next(10, 2 * 24 * 60));
                approved[s] = at < now ? at : now.AddMinutes(-1);
            }
            var title = Report.F($"{Topics[rng.Next(Topics.Length)]}の件({i + 1})");
            specs.Add(new Spec(kind, applicant, title, amount, [.. approvers], waitingAt, submitted, approved, rng.Next()));
        }
        // Numbers are taken in filing order, as they would have been.
        return specs.OrderBy(s => s.SubmittedAt).ToList();
    }

    /// <summary>
    /// Builds each request as the service would (form normalised by its kind, route from the kind's default route,
    /// number taken from the company's sequence inside the saving transaction, Submit and Approve on the aggregate)
    /// and saves a batch per transaction. The interceptors run as for any save: company stamp, version, audit trail.
    /// </summary>
    private async Task LoadAsync(List<Spec> specs)
    {
        var started = Stopwatch.GetTimestamp();
        var batches = 0;
        for (var start = 0; start < specs.Count; start += options.BatchSize)
        {
            var batch = specs.GetRange(start, Math.Min(options.BatchSize, specs.Count - start));
            await host.InCompanyAsync(_companyId, _adminId, async sp =>
            {
                var db = sp.GetRequiredService<UrakataDbContext>();
                var numbering = sp.GetRequiredService<NumberingService>();
                var kinds = sp.GetRequiredService<RequestKinds>();
                var routes = sp.GetRequiredService<RouteCatalog>();
                var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == _companyId);
                // The requests are new and complete when added: nothing to detect before the save.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var kindInfo = new Dictionary<string, (KindInfo Info, RouteDefinition Route, RouteReference Reference)>();
                return await db.InTransactionAsync(async ct =>
                {
                    foreach (var spec in batch)
                    {
                        if (!kindInfo.TryGetValue(spec.Kind, out var kind))
                        {
                            var info = await kinds.FindAsync(spec.Kind, ct);
                            var (route, reference) = await routes.ForAsync(info, [], ct);
                            kindInfo[spec.Kind] = kind = (info, route, reference);
                        }
                        var form = kind.Info.CurrentForm;
                        var values = form.Normalize(Values(spec));
                        var amount = form.AmountOf(values);
                        var request = new ApprovalRequest(_companyId, kind.Info.Code, spec.Title, spec.Applicant.Id, spec.Applicant.Id, spec.Applicant.Name, kind.Info.CurrentFormVersion);
                        request.Edit(spec.Applicant.Id, spec.Title, values, amount, spec.SubmittedAt);
                        var definitions = kind.Route.Select(new RouteContext(amount, [], 0, values));
                        var steps = definitions.Select((d, i) => new ResolvedStep(i, d, StepOutcome.Active,
                            [new Approver(spec.Approvers[Math.Min(i, spec.Approvers.Length - 1)].Id, spec.Approvers[Math.Min(i, spec.Approvers.Length - 1)].Name, 50 + (i * 20))])).ToList();
                        var fiscalYear = company.FiscalYearOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(spec.SubmittedAt, Tokyo)));
                        var number = await numbering.TakeFormattedAsync("workflow." + kind.Info.Code, kind.Info.NumberPrefix, fiscalYear, ct);
                        request.Submit(number, steps, spec.Applicant.Id, spec.SubmittedAt, kind.Reference);
                        for (var s = 0; s < spec.WaitingAt && s < steps.Count - 1; s++)
                        {
                            request.Approve(steps[s].Approvers[0].UserId, null, null, spec.ApprovedAt[s]);
                        }
                        db.Add(request);
                    }
                    await db.SaveChangesAsync(ct);
                    return true;
                }, CancellationToken.None);
            });
            batches++;
            if (batches % 10 == 0)
            {
                Console.Error.WriteLine(Report.F($"  loaded {start + batch.Count:N0} / {specs.Count:N0} ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)"));
            }
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        report.Fact(Section, "load (aggregates + DbContext, batches of " + options.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
            $"{specs.Count:N0} requests in {seconds:0.0} s = {specs.Count / seconds:0} requests/s (numbering, audit trail included)");
    }

    /// <summary>Form values for the spec's kind, as a user would type them (the kind's form normalises and computes them).</summary>
    private static JsonObject Values(Spec spec)
    {
        var rng = new Random(spec.Seed);
        switch (spec.Kind)
        {
            case "ringi":
                return new JsonObject { ["purpose"] = spec.Title + "について承認をお願いします。", ["amount"] = spec.Amount, ["budget_account"] = "消耗品費" };
            case "purchase":
                var quantity = rng.Next(1, 6);
                return new JsonObject
                {
                    ["vendor"] = Vendors[rng.Next(Vendors.Length)],
                    ["lines"] = new JsonArray(new JsonObject { ["item"] = spec.Title, ["quantity"] = quantity, ["unit_price"] = Math.Max(1, spec.Amount / quantity) }),
                    ["reason"] = "業務で使用するため",
                };
            case "travel":
                var from = DateOnly.FromDateTime(spec.SubmittedAt).AddDays(rng.Next(3, 30));
                return new JsonObject
                {
                    ["destination"] = spec.Title.Contains("福岡", StringComparison.Ordinal) ? "福岡" : "大阪",
                    ["period"] = new JsonObject { ["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["to"] = from.AddDays(rng.Next(0, 3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                    ["purpose"] = "顧客訪問",
                    ["estimate"] = spec.Amount,
                };
            default:
                return new JsonObject { ["body"] = spec.Title + "の件、ご確認ください。" };
        }
    }

    private async Task CountRowsAsync()
    {
        var (requests, participants, pending, audit) = await host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            return (await db.Set<ApprovalRequest>().CountAsync(), await db.Set<RequestParticipant>().CountAsync(),
                await db.Set<RequestParticipant>().CountAsync(p => p.CompanyId == _companyId && p.Kind == ParticipantKind.Pending), await db.AuditEvents.CountAsync());
        });
        report.Fact(Section, "rows: wf_requests / wf_participants / pf_audit_events", $"{requests:N0} / {participants:N0} / {audit:N0} (all companies)");
        report.Fact(Section, "waiting per approver", $"{(double)pending / _approvers.Count:0.0} on average ({pending:N0} pending rows)");
    }

    private async Task MeasureAsync()
    {
        var rng = new Random(options.Seed + 1);
        var applicantsToo = _approvers;
        // The approvers file requests too, so their "mine" box and open count have rows.
        var measures = new (string Name, string Note, Func<IServiceProvider, Task<int>> Call)[]
        {
            ("inbox: waiting (SearchAsync, first page)", "InboxFilter(Waiting)", async sp => (await sp.GetRequiredService<InboxQuery>().SearchAsync(new InboxFilter(InboxBox.Waiting))).Total),
            ("inbox: counts (CountsAsync)", "menu badge; every page", async sp => (await sp.GetRequiredService<InboxQuery>().CountsAsync()).Waiting),
            ("inbox: waiting, text + amount filter", "\"サーバー\", ¥100,000–¥1,000,000", async sp => (await sp.GetRequiredService<InboxQuery>().SearchAsync(
                new InboxFilter(InboxBox.Waiting, Text: "サーバー", AmountMin: 100_000, AmountMax: 1_000_000))).Total),
            ("inbox: done (SearchAsync)", "InboxFilter(Done)", async sp => (await sp.GetRequiredService<InboxQuery>().SearchAsync(new InboxFilter(InboxBox.Done))).Total),
            ("inbox: mine (SearchAsync)", "InboxFilter(Mine)", async sp => (await sp.GetRequiredService<InboxQuery>().SearchAsync(new InboxFilter(InboxBox.Mine))).Total),
        };
        foreach (var (name, note, call) in measures)
        {
            for (var i = 0; i < options.Warmup; i++)
            {
                await host.InCompanyAsync(_companyId, applicantsToo[rng.Next(applicantsToo.Count)].Id, call);
            }
            var times = new List<double>(options.Samples);
            long found = 0;
            for (var i = 0; i < options.Samples; i++)
            {
                var user = applicantsToo[rng.Next(applicantsToo.Count)].Id;
                var t = Stopwatch.GetTimestamp();
                found += await host.InCompanyAsync(_companyId, user, call);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            report.Latency(name, Latency.Of(times), Report.F($"{note}; avg total {(double)found / options.Samples:0.0}"));
        }
    }
}
