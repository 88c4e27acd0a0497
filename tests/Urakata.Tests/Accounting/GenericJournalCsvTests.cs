using System.Text;
using Urakata.Accounting;
using Urakata.Accounting.Import;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Tabular;
using static Urakata.Tests.Accounting.JournalCsvTestData;

namespace Urakata.Tests.Accounting;

/// <summary>Urakata's own journal CSV (docs/journal-csv.md): a row per line, grouped by 伝票番号, codes not names.</summary>
public sealed class GenericJournalCsvTests
{
    private const string Japanese =
        "伝票番号,日付,借貸,勘定科目コード,補助科目コード,部門コード,取引先コード,税区分,金額,税額,摘要\r\n" +
        "A1,2026-04-01,借方,6310,,,,P-10,1100,,文房具 ～\r\n" +
        "A1,2026-04-01,貸方,1110,,,,,1100,,文房具 ～\r\n" +
        "B7,2026/04/05,借方,1220,,D01,P001,,\"33,000\",,売上 A社\r\n" +
        "B7,2026/04/05,貸方,4110,,D01,P001,S-10,22000,2000,売上 A社\r\n" +
        "B7,2026/04/05,貸方,4110,,D01,P001,S-08R,11000,814,売上 A社 食品\r\n";

    // The same file as a script might write it: English headers in another order, an extra column, Latin side words.
    private const string English =
        "date,entry,side,account,amount,tax_code,tax_amount,description,department,partner,memo\r\n" +
        "2026-04-01,A1,debit,6310,1100,P-10,,文房具 ～,,,x\r\n" +
        "2026-04-01,A1,credit,1110,1100,,,文房具 ～,,,\r\n" +
        "2026-04-05,B7,Debit,1220,33000,,,売上 A社,D01,P001,\r\n" +
        "2026-04-05,B7,Credit,4110,22000,S-10,2000,売上 A社,D01,P001,\r\n" +
        "2026-04-05,B7,C,4110,11000,s-08r,814,売上 A社 食品,D01,P001,\r\n";

    private static readonly JournalEntryInput[] Entries =
    [
        new(Day("2026-04-01"), "文房具 ～", [Dr("6310", 1_100, "P-10"), Cr("1110", 1_100)]),
        new(Day("2026-04-05"), "売上 A社",
        [
            Dr("1220", 33_000, department: "D01", partner: "P001"),
            Cr("4110", 22_000, "S-10", 2_000, department: "D01", partner: "P001"),
            Cr("4110", 11_000, "S-08R", 814, department: "D01", partner: "P001", description: "売上 A社 食品"),
        ]),
    ];

    private static JournalImportResult Parse(byte[] bytes) => GenericJournalCsv.Parse(new MemoryStream(bytes), Catalog());

    [Fact]
    public void Parse_ShiftJis_WithJapaneseHeaders()
    {
        var result = Parse(ShiftJis.Encoding.GetBytes(Japanese));
        AssertSameEntries(Entries, result);
        Assert.Equal([[2, 3], [4, 5, 6]], result.Entries.Select(e => e.Rows));
    }

    [Fact]
    public void Parse_Utf8_WithEnglishHeadersInAnyOrder()
    {
        AssertSameEntries(Entries, Parse(Encoding.UTF8.GetBytes(English)));
        AssertSameEntries(Entries, Parse([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(English)]));
    }

    [Fact]
    public void Parse_AMissingRequiredHeader_IsReportedOnRowOne()
    {
        var result = Parse(Encoding.UTF8.GetBytes("伝票番号,日付,勘定科目コード,税額\r\nA1,2026-04-01,1110,\r\n"));
        Assert.Empty(result.Entries);
        Assert.Equal(
            [new RowError(1, AccountingMessages.CsvColumnSide, AccountingMessages.ImportHeaderMissing("借貸")),
             new RowError(1, AccountingMessages.CsvColumnAmount, AccountingMessages.ImportHeaderMissing("金額"))],
            result.Errors);
    }

    [Fact]
    public void Parse_ReportsEveryErrorByRowAndColumn_AndReturnsNoEntry()
    {
        var text =
            "伝票番号,日付,借貸,勘定科目コード,補助科目コード,部門コード,取引先コード,税区分,金額,税額,摘要\r\n" +
            "1,2026-04-01,借方,1110,,,,,100,,\r\n" +          // 2 fine
            "1,2026-04-01,貸方,4110,,,,S-10,100,,\r\n" +      // 3 fine: entry 1 balances
            ",2026-04-01,借方,1110,,,,,100,,\r\n" +           // 4 no key
            "2,2026-13-01,借方,1110,,,,,100,,\r\n" +          // 5 bad date
            "2,2026-04-01,左,1110,,,,,100,,\r\n" +            // 6 neither side
            "3,2026-04-01,借方,9999,,,,,100,,\r\n" +          // 7 unknown account
            "3,2026-04-02,貸方,1130,99,,,,100,,\r\n" +        // 8 another date, unknown sub-account
            "4,2026-04-01,借方,1110,,D99,P999,X-10,0,,\r\n" + // 9 department, partner, tax code, zero
            "4,2026-04-01,貸方,6310,,,,,100,5,\r\n" +         // 10 tax on a line without tax
            "5,2026-04-01,借方,1110,,,,,100,,\r\n" +          // 11 entry 5 does not balance
            "5,2026-04-01,貸方,4110,,,,S-10,90,,\r\n";        // 12

        var result = Parse(Encoding.UTF8.GetBytes(text));

        Assert.Empty(result.Entries);
        Assert.Equal(
        [
            (4, AccountingMessages.CsvColumnEntryKey),
            (5, AccountingMessages.CsvColumnDate),
            (6, AccountingMessages.CsvColumnSide),
            (7, AccountingMessages.CsvColumnAccountCode),
            (8, AccountingMessages.CsvColumnDate),
            (8, AccountingMessages.CsvColumnSubAccountCode),
            (9, AccountingMessages.CsvColumnDepartmentCode),
            (9, AccountingMessages.CsvColumnPartnerCode),
            (9, AccountingMessages.CsvColumnTaxCode),
            (9, AccountingMessages.CsvColumnAmount),
            (10, AccountingMessages.CsvColumnTaxAmount),
            (11, AccountingMessages.ImportColumnEntry),
        ], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(AccountingMessages.ImportDateDiffers, result.Errors[4].Message);
        Assert.Equal(AccountingMessages.ImportTaxCodeUnknown("X-10"), result.Errors[8].Message);
        Assert.Equal(AccountingMessages.EntryUnbalanced(100, 90), result.Errors[11].Message);
    }

    public static TheoryData<CsvTextEncoding, TaxBookkeeping> Encodings() => new()
    {
        { CsvTextEncoding.Utf8Bom, TaxBookkeeping.Exclusive },
        { CsvTextEncoding.ShiftJis, TaxBookkeeping.Exclusive },
        { CsvTextEncoding.ShiftJis, TaxBookkeeping.Inclusive },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task WriteThenParse_GivesBackTheEntriesThatWerePosted(CsvTextEncoding encoding, TaxBookkeeping bookkeeping)
    {
        JournalEntryInput[] entries =
        [
            new(Day("2026-04-01"), "文房具", [Dr("6310", 1_100, "P-10", 100), Cr("1110", 1_100)]),
            .. Entries.Skip(1),
            new(Day("2026-09-30"), "外注", [Dr("6310", 11_000, "P-10-T", 800), Cr("1130", 11_000, sub: "01", description: "振込")]),
        ];
        using var output = new MemoryStream();
        await GenericJournalCsv.WriteAsync(output, entries.Select((e, i) => Posted(e, bookkeeping, i + 1)), encoding);
        var bytes = output.ToArray();
        Assert.Equal(encoding == CsvTextEncoding.Utf8Bom, bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));

        var result = Parse(bytes);
        AssertSameEntries(entries, result);
        Assert.Equal("伝票番号,日付,借貸,勘定科目コード,補助科目コード,部門コード,取引先コード,税区分,金額,税額,摘要",
            (encoding == CsvTextEncoding.ShiftJis ? ShiftJis.Encoding.GetString(bytes) : Encoding.UTF8.GetString(bytes.AsSpan(3))).Split("\r\n")[0]);
    }

    [Fact]
    public async Task Write_ShiftJis_ReportsACharacterItLacks()
    {
        using var output = new MemoryStream();
        var entry = Posted(new(Day("2026-04-01"), "𠮷野家", [Dr("6310", 1_100, "P-10", 100), Cr("1110", 1_100)]));
        var ex = await Assert.ThrowsAsync<TabularException>(() => GenericJournalCsv.WriteAsync(output, [entry], CsvTextEncoding.ShiftJis));
        Assert.Equal([(2, "摘要"), (3, "摘要")], ex.Errors.Select(e => (e.Row, e.Column)));
    }
}
