using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Urakata.Accounting.Import;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Reports;
using Urakata.Tests.Infrastructure;
using static Urakata.Tests.Accounting.LedgerTestBook;

namespace Urakata.Tests.Accounting;

/// <summary>Importing journal files into the ledger: all or nothing, errors by row and column, and a round trip through 弥生's format.</summary>
[Trait("Category", "Database")]
public sealed class JournalImportTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task YayoiExport_ImportedIntoAFreshCompany_GivesIdenticalBalances()
    {
        var source = await CreateAsync(factory, "株式会社弥生元");
        await source.PostAsync(new DateOnly(2026, 4, 1), "資本金", Dr("1130", 5_000_000), Cr("3110", 5_000_000));
        await source.PostAsync(new DateOnly(2026, 5, 25), "売上", Dr("1220", 1_100_000), Cr("4110", 1_100_000, "S-10"));
        await source.PostAsync(new DateOnly(2026, 5, 26), "軽減税率の売上", Dr("1110", 10_800), Cr("4110", 10_800, "S-08R"));
        await source.PostAsync(new DateOnly(2026, 6, 10), "仕入(免税事業者)", Dr("5120", 110_000, "P-10-T"), Cr("2120", 110_000));
        await source.PostAsync(new DateOnly(2026, 6, 25), "給与", Dr("6120", 300_000), Cr("1130", 270_000), Cr("2210", 30_000, sub: "01"));
        await source.PostAsync(new DateOnly(2026, 7, 1), "家賃と通信費", Dr("6390", 110_000, "P-10"), Dr("6280", 5_500, "P-10"), Cr("1130", 115_500));
        var client = await factory.CreateApiClientAsync(source.Company);
        var yayoi = await client.GetByteArrayAsync("/api/v1/accounting/exports/yayoi?fiscalYear=2026");
        Assert.DoesNotContain((byte)'?', yayoi); // Shift_JIS text, no lost characters

        var target = await CreateAsync(factory, "株式会社弥生先");
        var targetClient = await factory.CreateApiClientAsync(target.Company);
        var response = await targetClient.PostAsync("/api/v1/accounting/imports/journal?format=yayoi", File(yayoi, "yayoi.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, (await response.Content.ReadFromJsonAsync<JournalFileImportResult>())!.Imported);

        var expected = await source.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 1, 12));
        var actual = await target.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 1, 12));
        Assert.Equal(expected.Rows.Select(r => (r.Code, r.Debit, r.Credit, r.Closing)), actual.Rows.Select(r => (r.Code, r.Debit, r.Credit, r.Closing)));
    }

    [Fact]
    public async Task AFileWithBadRows_ImportsNothing_AndNamesEveryRowAndColumn()
    {
        var book = await CreateAsync(factory, "株式会社取込不可");
        await book.Use<Urakata.Accounting.Ledger.FiscalYears, Urakata.Accounting.Ledger.FiscalYear>(y => y.LockThroughAsync(2026, 1)); // April locked
        var csv = string.Join("\r\n",
            "伝票番号,日付,借貸,勘定科目コード,補助科目コード,部門コード,取引先コード,税区分,金額,税額,摘要",
            "1,2026-05-01,借方,6310,,,,P-10,1100,,消耗品",
            "1,2026-05-01,貸方,1110,,,,,1100,,消耗品",
            "2,2026-05-02,借方,9999,,,,,500,,不明な科目",
            "2,2026-05-02,貸方,1110,,,,,500,,不明な科目",
            "3,2026-04-15,借方,6310,,,,P-10,2200,,締めた月",
            "3,2026-04-15,貸方,1110,,,,,2200,,締めた月") + "\r\n";
        var client = await factory.CreateApiClientAsync(book.Company);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        var response = await client.PostAsync("/api/v1/accounting/imports/journal?format=generic", File(System.Text.Encoding.UTF8.GetBytes(csv), "journal.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.StartsWith("row 4.", StringComparison.Ordinal)); // the unknown account, found while reading
        Assert.Empty((await book.Use<JournalQueries, JournalPage>(q => q.SearchAsync(new JournalSearch()))).Entries);

        // With the unknown account fixed, the locked month is what remains — found when checking against the ledger.
        var fixedCsv = csv.Replace("9999", "6490", StringComparison.Ordinal);
        response = await client.PostAsync("/api/v1/accounting/imports/journal?format=generic", File(System.Text.Encoding.UTF8.GetBytes(fixedCsv), "journal.csv"));
        errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var (key, messages) = Assert.Single(errors);
        Assert.Equal("row 6.日付", key);
        Assert.Equal(Urakata.Accounting.AccountingMessages.PeriodLocked, messages![0]!.GetValue<string>());
        Assert.Empty((await book.Use<JournalQueries, JournalPage>(q => q.SearchAsync(new JournalSearch()))).Entries);
    }

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", name } };
    }
}
