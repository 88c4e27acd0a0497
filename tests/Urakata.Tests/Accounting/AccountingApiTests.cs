using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Api;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Partners;
using Urakata.Accounting.Reports;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;

namespace Urakata.Tests.Accounting;

/// <summary>The ledger over HTTP: permissions, company isolation on every route, problem details, idempotent posting.</summary>
[Trait("Category", "Database")]
public sealed class AccountingApiTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static JournalEntryInput Sale(long amount, string? partner = null) => new(new DateOnly(2026, 11, 20), "11月分売上",
        [new(BalanceSide.Debit, "1220", amount, "-", PartnerCode: partner), new(BalanceSide.Credit, "4110", amount, "S-10")]);

    [Fact]
    public async Task Post_Read_Search_Reverse_AndTheOtherCompanySeesNothing()
    {
        var a = await factory.CreateCompanyAsync("株式会社API甲", "api-a");
        var b = await factory.CreateCompanyAsync("株式会社API乙", "api-b");
        var clientA = await factory.CreateApiClientAsync(a);
        var clientB = await factory.CreateApiClientAsync(b);
        var partner = await clientA.PostAsJsonAsync("/api/v1/accounting/partners",
            new PartnerInput("C001", "株式会社サンプル商事", "サンプルショウジ", false, "7000012050002", "T7000012050002", new DateOnly(2023, 10, 1), null));
        Assert.Equal(HttpStatusCode.Created, partner.StatusCode);

        var created = await clientA.PostAsJsonAsync("/api/v1/accounting/journal", Sale(110_000, "C001"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = (await created.Content.ReadFromJsonAsync<JournalEntryDto>(Json))!;
        Assert.Equal((1L, 110_000L), (entry.Number, entry.TotalAmount));
        Assert.Equal(["1220", "4110", "2180"], entry.Lines.Select(l => l.AccountCode));
        Assert.Equal("株式会社サンプル商事", entry.Lines[0].PartnerName);

        // 電帳法 search: amount range + partner + date range, combined.
        var found = (await clientA.GetFromJsonAsync<JournalPage>("/api/v1/accounting/journal?minAmount=100000&maxAmount=120000&partnerCode=C001&from=2026-11-01&to=2026-11-30", Json))!;
        Assert.Equal([entry.Id], found.Entries.Select(e => e.Id));
        Assert.Empty((await clientA.GetFromJsonAsync<JournalPage>("/api/v1/accounting/journal?minAmount=120001", Json))!.Entries);

        var path = $"/api/v1/accounting/journal/{entry.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync(path + "/reverse", new ReverseBody())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync(path + "/evidence", new EvidenceBody(Guid.NewGuid()))).StatusCode);
        Assert.Empty((await clientB.GetFromJsonAsync<JournalPage>("/api/v1/accounting/journal", Json))!.Entries);
        Assert.Empty((await clientB.GetFromJsonAsync<TrialBalance>("/api/v1/accounting/reports/trial-balance?year=2026", Json))!.Rows);
        Assert.Empty((await clientB.GetFromJsonAsync<List<PartnerDto>>("/api/v1/accounting/partners", Json))!);
        var partnerId = (await clientA.GetFromJsonAsync<List<PartnerDto>>("/api/v1/accounting/partners?q=ｻﾝﾌﾟﾙ", Json))!.Single().Id;
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/v1/accounting/partners/{partnerId}")).StatusCode);
        var accountA = (await clientA.GetFromJsonAsync<List<AccountDto>>("/api/v1/accounting/accounts?q=1110", Json))!.Single();
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsync($"/api/v1/accounting/accounts/{accountA.Id}/deactivate", null)).StatusCode);

        var reversed = await clientA.PostAsJsonAsync(path + "/reverse", new ReverseBody(null, "金額誤り"));
        Assert.Equal(HttpStatusCode.Created, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clientA.PostAsJsonAsync(path + "/reverse", new ReverseBody())).StatusCode);
        var tb = (await clientA.GetFromJsonAsync<TrialBalance>("/api/v1/accounting/reports/trial-balance?year=2026", Json))!;
        Assert.All(tb.Rows, r => Assert.Equal(0, r.Closing));
    }

    [Fact]
    public async Task Unbalanced_Answers400_WithTheLineErrors_InTheCallersLanguage()
    {
        var a = await factory.CreateCompanyAsync("株式会社API丙", "api-c");
        var client = await factory.CreateApiClientAsync(a);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync("/api/v1/accounting/journal", new JournalEntryInput(new DateOnly(2026, 11, 20), "x",
            [new(BalanceSide.Debit, "1110", 1_000, "-"), new(BalanceSide.Credit, "4550", 900, "-"), new(BalanceSide.Credit, "9999", 100, "-")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("There is no account \"9999\".", errors["lines[2].account"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task IdempotencyKey_PostsOnce_ForTwoIdenticalRequests()
    {
        var a = await factory.CreateCompanyAsync("株式会社API丁", "api-d");
        var client = await factory.CreateApiClientAsync(a);
        var key = Guid.NewGuid().ToString();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounting/journal") { Content = JsonContent.Create(Sale(1_100), options: Json) };
            request.Headers.Add("Idempotency-Key", key);
            responses.Add(await client.SendAsync(request));
        }
        var ids = new List<Guid>();
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            ids.Add((await r.Content.ReadFromJsonAsync<JournalEntryDto>(Json))!.Id);
        }
        Assert.Single(ids.Distinct());
        Assert.Single((await client.GetFromJsonAsync<JournalPage>("/api/v1/accounting/journal", Json))!.Entries);
    }

    [Fact]
    public async Task Exports_GiveCsvWithBom_ShiftJis_AndExcel_AndRefuseWhatShiftJisCannotHold()
    {
        var a = await factory.CreateCompanyAsync("株式会社API戊", "api-e");
        var client = await factory.CreateApiClientAsync(a);
        var plain = new JournalEntryInput(new DateOnly(2026, 6, 1), "文具〜事務用品", [new(BalanceSide.Debit, "6320", 3_300, "P-10"), new(BalanceSide.Credit, "1110", 3_300, "-")]);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/accounting/journal", plain)).StatusCode);

        var csv = await client.GetByteArrayAsync("/api/v1/accounting/exports/journal?format=csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains("事務用品費", text, StringComparison.Ordinal);
        Assert.Contains("3000", text, StringComparison.Ordinal); // 本体 of ¥3,300 under 税抜経理

        var sjis = await client.GetByteArrayAsync("/api/v1/accounting/exports/general-ledger?format=csv-sjis&account=6320&year=2026");
        var decoded = Urakata.Platform.Tabular.ShiftJis.Encoding.GetString(sjis);
        Assert.Contains("文具～事務用品", decoded, StringComparison.Ordinal); // WAVE DASH mapped to its CP932 form, not '?'

        var xlsx = await client.GetByteArrayAsync("/api/v1/accounting/exports/trial-balance?format=xlsx&year=2026");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r.Values.Contains("事務用品費") && r.Values.Contains(3000d));

        var taxCsv = System.Text.Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/v1/accounting/exports/tax-summary?format=csv&year=2026"))[3..]);
        Assert.Contains(taxCsv.Split("\r\n"), line => line.StartsWith("P-10,課税仕入10%,", StringComparison.Ordinal) && line.EndsWith(",3000,3300,300,300", StringComparison.Ordinal));
        var trend = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await client.GetByteArrayAsync("/api/v1/accounting/exports/monthly?format=xlsx&year=2026")), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(trend, r => r.Values.Contains("事務用品費") && r.Values.Count(v => v is double d && d == 3000) == 2); // June and the year's total

        var pdf = await client.GetByteArrayAsync("/api/v1/accounting/exports/balance-sheet?format=pdf&year=2026");
        var pdfPath = Path.Combine(Path.GetTempPath(), $"bs-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var printed = Urakata.Tests.Infrastructure.Poppler.Text(pdfPath);
        Assert.Contains("貸借対照表", printed, StringComparison.Ordinal);
        Assert.Contains("株式会社API戊", printed, StringComparison.Ordinal);
        Assert.Contains("負債純資産合計", printed, StringComparison.Ordinal);
        Assert.Contains("-3,300", printed, StringComparison.Ordinal); // cash paid out, on the assets side

        var odd = new JournalEntryInput(new DateOnly(2026, 6, 2), "𠮷野家で会議", [new(BalanceSide.Debit, "6260", 1_100, "P-10"), new(BalanceSide.Credit, "1110", 1_100, "-")]);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/accounting/journal", odd)).StatusCode);
        var refused = await client.GetAsync("/api/v1/accounting/exports/journal?format=csv-sjis");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        // Every cell named by row (the header is row 1; the first entry is rows 2–4) and column.
        Assert.Equal(["row 5.摘要", "row 6.摘要", "row 7.摘要"], errors.Select(e => e.Key));
        Assert.Contains("𠮷", errors["row 5.摘要"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_WithoutLedgerPermissions_Get403_AndTheAccountingRoleReads()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var admin = await demo.UserAsync("admin");
        var staff = await factory.CreateApiClientAsync(new TestCompany(demo.CompanyId, "", admin, "admin"), await demo.UserAsync("yamada"));
        var accountant = await factory.CreateApiClientAsync(new TestCompany(demo.CompanyId, "", admin, "admin"), await demo.UserAsync("kato"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/accounting/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/accounting/journal", Sale(100))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/accounting/reports/trial-balance?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await accountant.GetAsync("/api/v1/accounting/reports/trial-balance?year=2026")).StatusCode);
    }
}
