using Urakata.Accounting;
using Urakata.Accounting.Import;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Tabular;
using static Urakata.Tests.Accounting.JournalCsvTestData;

namespace Urakata.Tests.Accounting;

/// <summary>弥生会計's journal CSV (reference §8.2): Shift_JIS, no header, 25 columns, 識別フラグ 2000/2111/2110/2100/2101.</summary>
public sealed class YayoiJournalFormatTests
{
    // As 弥生 writes it: a 2000 entry, a 3-row voucher with era and compact dates, a one-row voucher with a sub-account.
    private const string File =
        "2000,,,2026/04/01,消耗品費,,,課対仕入10%,1100,100,現金,,,対象外,1100,0,文房具,,,0,,,,,no\r\n" +
        "2110,,,R.08/04/05,売掛金,,営業部,対象外,33000,0,,,,,0,0,売上 A社,,,0,,,,,no\r\n" +
        "2100,,,R08/4/5,,,,,0,0,売上高,,営業部,課税売上10%,22000,2000,売上 A社,,,0,,,,,no\r\n" +
        "2101,,,20260405,,,,,0,0,売上高,,営業部,課税売上8%(軽),11000,814,売上 A社 食品,,,0,,,,,no\r\n" +
        "2111,,,2026/4/30,普通預金,みずほ銀行,,対象外,500,0,受取利息,,,非課売上,500,0,\"利息, 4月\",,,0,,,,,no\r\n";

    private static readonly JournalEntryInput[] FileEntries =
    [
        new(Day("2026-04-01"), "文房具", [Dr("6310", 1_100, "P-10", 100), Cr("1110", 1_100)]),
        new(Day("2026-04-05"), "売上 A社",
        [
            Dr("1220", 33_000, department: "D01"),
            Cr("4110", 22_000, "S-10", 2_000, department: "D01"),
            Cr("4110", 11_000, "S-08R", 814, department: "D01", description: "売上 A社 食品"),
        ]),
        new(Day("2026-04-30"), "利息, 4月", [Dr("1130", 500, sub: "01"), Cr("4510", 500, "S-NT")]),
    ];

    /// <summary>One 25-column row; a side left out is empty (amount 0).</summary>
    private static string Row(string flag, string date, (string Account, string Sub, string Department, string Tax, string Amount, string TaxAmount)? debit,
        (string Account, string Sub, string Department, string Tax, string Amount, string TaxAmount)? credit, string description = "摘要")
    {
        var dr = debit ?? ("", "", "", "", "0", "0");
        var cr = credit ?? ("", "", "", "", "0", "0");
        return string.Join(",", flag, "", "", date, dr.Account, dr.Sub, dr.Department, dr.Tax, dr.Amount, dr.TaxAmount,
            cr.Account, cr.Sub, cr.Department, cr.Tax, cr.Amount, cr.TaxAmount, description, "", "", "0", "", "", "", "", "no") + "\r\n";
    }

    private static (string, string, string, string, string, string) Side(string account, string amount, string tax = "対象外", string taxAmount = "0",
        string sub = "", string department = "") => (account, sub, department, tax, amount, taxAmount);

    [Fact]
    public void Parse_ASingleRowEntry_AVoucherOfThreeRows_AndEraDates()
    {
        var result = ParseYayoi(File);
        AssertSameEntries(FileEntries, result);
        Assert.Equal([[1], [2, 3, 4], [5]], result.Entries.Select(e => e.Rows));
    }

    [Fact]
    public void Parse_AUtf8File_ReadsTheSame()
    {
        var result = YayoiJournalFormat.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(File)), Catalog());
        AssertSameEntries(FileEntries, result);
    }

    [Fact]
    public void Parse_ReportsEveryErrorByRowAndColumn_AndReturnsNoEntry()
    {
        var text =
            Row("2000", "2026/04/01", Side("現金", "100"), Side("売上高", "100", "課税売上10%", "9")) +      // 1 fine on its own
            Row("2000", "2026/04/01", Side("現金", "100"), Side("売上高", "100"))[..^5] + "\r\n" +           // 2 24 columns
            Row("2001", "2026/04/01", Side("現金", "100"), Side("売上高", "100")) +                          // 3 unknown flag
            Row("2000", "2026/02/30", Side("現金", "100"), Side("売上高", "100")) +                          // 4 no such day
            Row("2000", "2026/04/01", Side("現金", "12a"), Side("売上高", "100")) +                          // 5 not a number
            Row("2000", "2026/04/01", Side("現金", "100"), Side("売上高", "-500")) +                         // 6 negative
            Row("2000", "2026/04/01", Side("謎の科目", "100"), Side("売上高", "100")) +                       // 7 unknown account
            Row("2000", "2026/04/01", Side("現金", "100"), Side("売上高", "100", "課税売上99%")) +            // 8 unknown 税区分
            Row("2110", "2026/04/01", Side("売掛金", "1000"), null) +                                        // 9 voucher 1,000 ≠ 900
            Row("2101", "2026/04/01", null, Side("売上高", "900", "課税売上10%")) +                          // 10
            Row("2100", "2026/04/01", Side("現金", "100"), null) +                                           // 11 no 2110 before it
            Row("2000", "2026/04/01", Side("普通預金", "100", sub: "ゆうちょ"), Side("売上高", "100", department: "総務部")) + // 12
            Row("2110", "2026/04/02", Side("現金", "100"), null) +                                           // 13 never ended…
            Row("2000", "2026/04/02", Side("現金", "100"), Side("売上高", "100")) +                          // 14 …by this 2000
            Row("2000", "2026/04/02", Side("現金", "100", taxAmount: "50"), Side("売上高", "100")) +          // 15 tax on 対象外
            Row("2000", "2026/04/02", Side("現金", "100"), Side("", "100")) +                                // 16 no account
            Row("2000", "2026/04/02", null, null) +                                                          // 17 nothing at all
            Row("2110", "2026/04/03", Side("現金", "100"), null);                                           // 18 file ends inside it

        var result = ParseYayoi(text);

        Assert.Empty(result.Entries);
        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            (2, AccountingMessages.ImportColumnRow),
            (3, AccountingMessages.YayoiColumnFlag),
            (4, AccountingMessages.YayoiColumnDate),
            (5, AccountingMessages.YayoiColumnDebitAmount),
            (6, AccountingMessages.YayoiColumnCreditAmount),
            (7, AccountingMessages.YayoiColumnDebitAccount),
            (8, AccountingMessages.YayoiColumnCreditTaxKind),
            (9, AccountingMessages.ImportColumnEntry),
            (11, AccountingMessages.YayoiColumnFlag),
            (12, AccountingMessages.YayoiColumnDebitSubAccount),
            (12, AccountingMessages.YayoiColumnCreditDepartment),
            (13, AccountingMessages.YayoiColumnFlag),
            (15, AccountingMessages.YayoiColumnDebitTaxAmount),
            (16, AccountingMessages.YayoiColumnCreditAccount),
            (17, AccountingMessages.YayoiColumnDebitAmount),
            (18, AccountingMessages.YayoiColumnFlag),
        ], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(AccountingMessages.ImportColumnCount(24, 25), result.Errors[0].Message);
        Assert.Equal(AccountingMessages.AccountUnknown("謎の科目"), result.Errors[5].Message);
        Assert.Equal(AccountingMessages.EntryUnbalanced(1_000, 900), result.Errors[7].Message);
        Assert.Equal(AccountingMessages.ImportVoucherNotStarted, result.Errors[8].Message);
        Assert.Equal(AccountingMessages.ImportVoucherNotEnded, result.Errors[11].Message);
    }

    [Fact]
    public void Errors_NameTheColumnInTheUsersLanguage()
    {
        var text = Row("2000", "2026/04/01", Side("現金", "-1"), Side("売上高", "1"));
        Assert.Equal(new RowError(1, "借方金額", "「-1」は金額として読めません。0以上の整数で入力してください。"),
            InCulture("ja-JP", () => Assert.Single(ParseYayoi(text).Errors)));
        Assert.Equal(new RowError(1, "Debit amount", "\"-1\" is not an amount: enter a whole number of 0 or more."),
            InCulture("en-US", () => Assert.Single(ParseYayoi(text).Errors)));
    }

    [Fact]
    public void Parse_TaxCategories_GoThroughAnEditableTable()
    {
        var text = Row("2000", "2026/04/01", Side("消耗品費", "1100", "課対仕入(控不)10%", "0"), Side("現金", "1100"));
        Assert.Equal(AccountingMessages.ImportYayoiTaxUnknown("課対仕入(控不)10%"), Assert.Single(ParseYayoi(text).Errors).Message);

        var taxes = YayoiTaxMap.Default.With("課対仕入(控不)10%", "P-10-NC");
        var result = YayoiJournalFormat.Parse(new MemoryStream(ShiftJis.Encoding.GetBytes(text)), Catalog(), taxes);
        Assert.Equal("P-10-NC", Assert.Single(result.Entries).Entry.Lines[0].TaxCode);
        // Full-width ％ and （） as some tools write them match the same row.
        Assert.True(YayoiTaxMap.Default.TryFind("課税売上８％（軽）", out var reduced));
        Assert.Equal("S-08R", reduced);
    }

    [Fact]
    public async Task Write_ATwoLineEntry_IsOne2000Row_AsYayoiWritesIt()
    {
        var bytes = await Write(Posted(FileEntries[0]));
        Assert.Equal(ShiftJis.Encoding.GetBytes(File[..File.IndexOf('\n', StringComparison.Ordinal)] + "\n"), bytes);
    }

    [Fact]
    public async Task Write_AnEntryOfMoreLines_IsAVoucher_2110_2100_2101()
    {
        var rows = ShiftJis.Encoding.GetString(await Write(Posted(FileEntries[1]))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["2110", "2100", "2101"], rows.Select(r => r.Split(',')[0]));
        Assert.All(rows, r => Assert.Equal(25, r.Split(',').Length));
        Assert.Equal("2101,,,2026/04/05,,,,,0,0,売上高,,営業部,課税売上8%(軽),11000,814,売上 A社 食品,,,0,,,,,no", rows[2]);
    }

    public static TheoryData<TaxBookkeeping> Bookkeeping() => [TaxBookkeeping.Exclusive, TaxBookkeeping.Inclusive];

    [Theory]
    [MemberData(nameof(Bookkeeping))]
    public async Task WriteThenParse_GivesBackTheEntriesThatWerePosted(TaxBookkeeping bookkeeping)
    {
        JournalEntryInput[] entries =
        [
            .. FileEntries,
            // From a non-registered supplier only 80% of the tax is split out (reference §1.5); the file carries that share.
            new(Day("2026-09-30"), "外注 〜9月分", [Dr("6310", 11_000, "P-10-T", 800), Cr("2120", 11_000, partner: null)]),
            new(Day("2026-10-01"), "仕入", [Dr("5120", 10_800, "P-08R", 800, department: "D02"), Dr("6370", 440, "P-10", 40), Cr("1130", 11_240, sub: "01")]),
        ];
        var bytes = await Write([.. entries.Select((e, i) => Posted(e, bookkeeping, i + 1))]);
        var result = YayoiJournalFormat.Parse(new MemoryStream(bytes), Catalog());
        AssertSameEntries([.. entries.Select(e => e with { Description = e.Description?.Replace('〜', '～') })], result);
    }

    [Fact]
    public async Task Write_ACharacterShiftJisLacks_IsReportedByRowAndColumn()
    {
        var entry = Posted(new(Day("2026-04-01"), "𠮷野家 接待", [Dr("6310", 1_100, "P-10", 100), Cr("1110", 1_100)]));
        var ex = await Assert.ThrowsAsync<TabularException>(() => Write(entry));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((1, AccountingMessages.ImportColumnDescription), (error.Row, error.Column));
        Assert.Contains("𠮷", error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> Write(params JournalEntryDto[] entries)
    {
        using var output = new MemoryStream();
        await YayoiJournalFormat.WriteAsync(output, entries);
        return output.ToArray();
    }
}
