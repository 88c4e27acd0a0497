using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Reports;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;
using static Urakata.Tests.Accounting.LedgerTestBook;

namespace Urakata.Tests.Accounting;

/// <summary>Posting into a real database and reading the books back (SQLite, and PostgreSQL in the second pass).</summary>
[Trait("Category", "Database")]
public sealed class LedgerFeatureTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly DateOnly May10 = new(2026, 5, 10);

    [Fact]
    public async Task PostedEntries_AddUpInTheTrialBalance_AndTheStatementsAgree()
    {
        var book = await CreateAsync(factory, "株式会社試算表");
        await book.PostAsync(new DateOnly(2026, 4, 1), "資本金の払込", Dr("1130", 3_000_000), Cr("3110", 3_000_000));
        await book.PostAsync(May10, "5月分売上", Dr("1220", 1_100_000), Cr("4110", 1_100_000, "S-10"));
        await book.PostAsync(May10, "文房具", Dr("6320", 5_500, "P-10"), Cr("1110", 5_500));
        await book.PostAsync(new DateOnly(2026, 6, 25), "給与", Dr("6120", 300_000), Cr("1130", 300_000));

        var tb = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 1, 12));
        Assert.Equal(tb.TotalDebit, tb.TotalCredit);
        Assert.Equal(0, tb.ClosingDifference);
        long Closing(string code) => tb.Rows.Single(r => r.Code == code).Closing;
        Assert.Equal(1_000_000, Closing("4110")); // 税抜: 1,100,000 − 100,000 仮受消費税
        Assert.Equal(100_000, Closing("2180"));
        Assert.Equal(500, Closing("1480"));
        Assert.Equal(-5_500, Closing("1110")); // cash on the debit side, so it reads negative when overdrawn
        Assert.Equal(2_700_000, Closing("1130"));

        var pl = FinancialStatements.ProfitAndLoss(tb);
        Assert.Equal(1_000_000 - 5_000 - 300_000, pl.Figure(Urakata.Accounting.AccountingMessages.PlNetIncome));
        var retained = await book.Run(async sp => (await sp.GetRequiredService<LedgerContext>().LoadAsync()).RetainedEarnings);
        var bs = FinancialStatements.BalanceSheet(tb, retained);
        Assert.Equal(bs.Figure(Urakata.Accounting.AccountingMessages.BsAssetsTotal), bs.Figure(Urakata.Accounting.AccountingMessages.BsLiabilitiesAndNetAssetsTotal));

        var may = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 2, 2));
        Assert.Equal(3_000_000, may.Rows.Single(r => r.Code == "1130").Opening); // brought forward from April
        Assert.Equal(1_105_500, may.TotalDebit);
    }

    [Fact]
    public async Task Numbers_AreGapFreePerFiscalYear_EvenAfterARejectedEntry()
    {
        var book = await CreateAsync(factory, "株式会社番号");
        var first = await book.PostAsync(May10, "1", Dr("1110", 100), Cr("4550", 100));
        await Assert.ThrowsAsync<ValidationException>(() => book.PostAsync(May10, "unbalanced", Dr("1110", 100), Cr("4550", 99)));
        var second = await book.PostAsync(May10, "2", Dr("1110", 100), Cr("4550", 100));
        var nextYear = await book.PostAsync(new DateOnly(2027, 4, 1), "FY2027", Dr("1110", 100), Cr("4550", 100));
        Assert.Equal((1, 2, 1), (first.Number, second.Number, nextYear.Number));
        Assert.Equal((2026, 2027), (second.FiscalYear, nextYear.FiscalYear));
    }

    [Fact]
    public async Task UnknownCodes_AreReportedPerLine_AndNothingIsPosted()
    {
        var book = await CreateAsync(factory, "株式会社不明");
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            book.PostAsync(May10, "x", Dr("9999", 100), Cr("4110", 100, "S-99"), Cr("1110", 0, department: "NOPE")));
        Assert.Equal(["lines[0].account", "lines[1].taxCode", "lines[2].department"], ex.Errors.Keys.Order());
        Assert.Equal(0, await book.Run(sp => sp.GetRequiredService<UrakataDbContext>().Set<JournalEntry>().CountAsync()));
    }

    [Fact]
    public async Task Reversal_CancelsTheBalances_KeepsTheOriginal_AndHappensOnce()
    {
        var book = await CreateAsync(factory, "株式会社取消");
        var original = await book.PostAsync(May10, "誤った仕訳", Dr("6260", 11_000, "P-10"), Cr("1110", 11_000));
        var reversal = await book.Use<JournalPosting, JournalEntry>(p => p.ReverseAsync(original.Id, new DateOnly(2026, 5, 31), null));
        Assert.Equal(original.Id, reversal.ReversalOf);
        Assert.Equal(2, reversal.Number);
        var tb = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 1, 12));
        Assert.All(tb.Rows, r => Assert.Equal(0, r.Closing));
        Assert.Equal(11_000, tb.Rows.Single(r => r.Code == "1110").Credit); // both movements stay visible
        await Assert.ThrowsAsync<ConflictException>(() => book.Use<JournalPosting, JournalEntry>(p => p.ReverseAsync(original.Id, null, null)));
        var dto = await book.Use<JournalQueries, JournalEntryDto>(q => q.GetAsync(original.Id));
        Assert.Equal(reversal.Id, dto.ReversedBy);
    }

    [Fact]
    public async Task LockedMonth_RefusesPostings_ButTheNextMonthTakesThem()
    {
        var book = await CreateAsync(factory, "株式会社月次締め");
        await book.Use<FiscalYears, FiscalYear>(y => y.LockThroughAsync(2026, 2)); // April and May
        var ex = await Assert.ThrowsAsync<DomainException>(() => book.PostAsync(new DateOnly(2026, 5, 31), "x", Dr("1110", 1), Cr("4550", 1)));
        Assert.Equal(Urakata.Accounting.AccountingMessages.PeriodLocked, ex.Message);
        Assert.Equal(3, (await book.PostAsync(new DateOnly(2026, 6, 1), "x", Dr("1110", 1), Cr("4550", 1))).Period);
    }

    [Fact]
    public async Task ACopiedEntry_PostsTheSameLines_OnTheNewDate()
    {
        var book = await CreateAsync(factory, "株式会社複写");
        var original = await book.PostAsync(May10, "事務所家賃", Dr("6390", 110_000, "P-10"), Dr("6280", 5_400, "P-08R"), Cr("1130", 115_400));
        var dto = await book.Use<JournalQueries, JournalEntryDto>(q => q.GetAsync(original.Id));
        var input = Urakata.Accounting.Import.PostedEntryInput.From(dto, new DateOnly(2026, 6, 10));
        Assert.Equal([110_000L, 5_400, 115_400], input.Lines.Select(l => l.Amount)); // 税込 again, the tax lines folded back
        var copy = await book.Use<JournalPosting, JournalEntry>(p => p.PostAsync(input));
        Assert.Equal(original.Lines.Select(l => (l.AccountId, l.Debit, l.Credit, l.TaxCode)), copy.Lines.Select(l => (l.AccountId, l.Debit, l.Credit, l.TaxCode)));
        Assert.Equal((3, "事務所家賃"), (copy.Period, copy.Description));
    }

    [Fact]
    public async Task SourceKey_MakesRepeatedPostingIdempotent()
    {
        var book = await CreateAsync(factory, "株式会社冪等");
        var input = new JournalEntryInput(May10, "家賃 2026-05", [Dr("6390", 110_000, "P-10"), Cr("1130", 110_000)]);
        var a = await book.Use<JournalPosting, JournalEntry>(p => p.PostAsync(input, EntryKind.Normal, "recurring", "rent/2026-05"));
        var b = await book.Use<JournalPosting, JournalEntry>(p => p.PostAsync(input, EntryKind.Normal, "recurring", "rent/2026-05"));
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(1, await book.Run(sp => sp.GetRequiredService<UrakataDbContext>().Set<JournalEntry>().CountAsync()));
    }

    [Fact]
    public async Task GeneralLedger_RunsTheBalance_AcrossPages_WithTheCounterAccount()
    {
        var book = await CreateAsync(factory, "株式会社元帳");
        await book.PostAsync(new DateOnly(2026, 4, 1), "期首", Dr("1110", 50_000), Cr("3110", 50_000));
        for (var i = 1; i <= 7; i++)
        {
            await book.PostAsync(new DateOnly(2026, 5, i), $"入金{i}", Dr("1110", 1_000 * i), Cr("4550", 1_000 * i));
        }
        await book.PostAsync(new DateOnly(2026, 5, 8), "諸口の支払", Dr("6320", 700), Dr("6310", 300), Cr("1110", 1_000));

        var first = await book.Use<GeneralLedgerReport, GeneralLedgerPage>(r => r.PageAsync("1110", 2026, 2, 2, pageSize: 5));
        Assert.Equal(50_000, first.Opening);
        Assert.Equal([51_000L, 53_000, 56_000, 60_000, 65_000], first.Lines.Select(l => l.Balance));
        Assert.Equal("雑収入", first.Lines[0].Counterpart);
        var second = await book.Use<GeneralLedgerReport, GeneralLedgerPage>(r => r.PageAsync("1110", 2026, 2, 2, after: first.NextCursor, pageSize: 5));
        Assert.Equal([71_000L, 78_000, 77_000], second.Lines.Select(l => l.Balance));
        Assert.Null(second.NextCursor);
        Assert.Equal(Urakata.Accounting.AccountingMessages.Miscellaneous, second.Lines[^1].Counterpart);
    }

    [Fact]
    public async Task SubsidiaryLedger_ShowsOnlyItsSubAccount_WithItsOwnBalance()
    {
        var book = await CreateAsync(factory, "株式会社補助元帳");
        await book.PostAsync(new DateOnly(2026, 4, 25), "4月給与", Dr("6120", 300_000), Cr("1130", 270_000), Cr("2210", 20_000, sub: "01"), Cr("2210", 10_000, sub: "02"));
        await book.PostAsync(new DateOnly(2026, 5, 25), "5月給与", Dr("6120", 300_000), Cr("1130", 270_000), Cr("2210", 20_000, sub: "01"), Cr("2210", 10_000, sub: "02"));
        await book.PostAsync(new DateOnly(2026, 5, 10), "源泉所得税の納付", Dr("2210", 20_000, sub: "01"), Cr("1130", 20_000));
        var withholding = await book.Use<GeneralLedgerReport, GeneralLedgerPage>(r => r.PageAsync("2210", 2026, 2, 12, "01", pageSize: 1));
        Assert.Equal(20_000, withholding.Opening); // April's 源泉所得税 only, not 住民税
        var next = await book.Use<GeneralLedgerReport, GeneralLedgerPage>(r => r.PageAsync("2210", 2026, 2, 12, "01", withholding.NextCursor, 1));
        Assert.Equal([0L, 20_000], withholding.Lines.Concat(next.Lines).Select(l => l.Balance));
        var all = await book.Use<GeneralLedgerReport, GeneralLedgerPage>(r => r.PageAsync("2210", 2026, 1, 12));
        Assert.Equal(40_000, all.Lines[^1].Balance);
    }

    [Fact]
    public async Task YearEndClose_CarriesBalancesForward_AndTheResultIntoRetainedEarnings_ReopenUndoesIt()
    {
        var book = await CreateAsync(factory, "株式会社決算");
        await book.PostAsync(new DateOnly(2026, 4, 1), "資本金", Dr("1130", 1_000_000), Cr("3110", 1_000_000));
        await book.PostAsync(new DateOnly(2026, 8, 1), "売上", Dr("1130", 550_000), Cr("4110", 550_000, "S-10"));
        await book.PostAsync(new DateOnly(2027, 3, 31), "外注", Dr("6220", 220_000, "P-10"), Cr("1130", 220_000));
        var profit = 500_000 - 200_000;

        await book.Use<YearEndClose, FiscalYear>(c => c.CloseAsync(2026));
        var opening = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2027, 1, 1));
        long Opening(string code) => opening.Rows.SingleOrDefault(r => r.Code == code)?.Opening ?? 0;
        Assert.Equal(1_330_000, Opening("1130"));
        Assert.Equal(profit, Opening("3330"));
        Assert.Equal(0, Opening("4110")); // P/L accounts start the year at zero
        Assert.Equal(50_000 - 20_000, Opening("2180") - Opening("1480")); // 仮受 50,000 and 仮払 20,000 carried as they stand
        await Assert.ThrowsAsync<DomainException>(() => book.PostAsync(new DateOnly(2026, 9, 1), "closed", Dr("1110", 1), Cr("4550", 1)));

        await book.Use<YearEndClose, FiscalYear>(c => c.ReopenAsync(2026, "決算修正"));
        var afterReopen = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2027, 1, 1));
        Assert.DoesNotContain(afterReopen.Rows, r => r.Opening != 0);
        // Both stay in the journal: the carry-forward and the entry that cancels it.
        var openings = (await book.Use<JournalQueries, JournalPage>(q => q.SearchAsync(new JournalSearch(FiscalYear: 2027)))).Entries;
        Assert.Equal(2, openings.Count(e => e.Kind == EntryKind.Opening));
        Assert.Equal(openings.Single(e => e.ReversalOf is null).Id, openings.Single(e => e.ReversalOf is not null).ReversalOf);
        await book.PostAsync(new DateOnly(2027, 3, 31), "決算修正", Dr("6490", 10_000), Cr("1130", 10_000));
        await book.Use<YearEndClose, FiscalYear>(c => c.CloseAsync(2026));
        var reclosed = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2027, 1, 1));
        Assert.Equal(profit - 10_000, reclosed.Rows.Single(r => r.Code == "3330").Opening);
    }

    [Fact]
    public async Task Verify_NamesTheFirstTamperedEntry_ForAnEditedAmount_AnEditedDate_ADeletedLine_AndADeletedEntry()
    {
        var book = await CreateAsync(factory, "株式会社改ざん");
        var entries = new List<JournalEntry>();
        for (var i = 1; i <= 4; i++)
        {
            entries.Add(await book.PostAsync(new DateOnly(2026, 5, i), $"売上{i}", Dr("1110", 1_000), Cr("4550", 1_000)));
        }
        Assert.Empty(await VerifyAsync(book));

        async Task Tamper(FormattableString sql) => await book.Run(sp => sp.GetRequiredService<UrakataDbContext>().Database.ExecuteSqlAsync(sql));

        // A line amount edited with raw SQL (and the balance row kept in step, as a careful forger would).
        await Tamper($"UPDATE acc_journal_lines SET debit = 9000 WHERE entry_id = {entries[2].Id} AND line_no = 1");
        Assert.Contains("No.3", Assert.Single(await VerifyAsync(book)).Reason, StringComparison.Ordinal);
        await Tamper($"UPDATE acc_journal_lines SET debit = 1000 WHERE entry_id = {entries[2].Id} AND line_no = 1");

        await Tamper($"UPDATE acc_journal_entries SET date = {new DateOnly(2026, 5, 20)} WHERE id = {entries[1].Id}");
        Assert.Contains("No.2", Assert.Single(await VerifyAsync(book)).Reason, StringComparison.Ordinal);
        await Tamper($"UPDATE acc_journal_entries SET date = {new DateOnly(2026, 5, 2)} WHERE id = {entries[1].Id}");
        Assert.Empty(await VerifyAsync(book));

        await Tamper($"DELETE FROM acc_journal_lines WHERE entry_id = {entries[3].Id} AND line_no = 2");
        Assert.Contains("No.4", Assert.Single(await VerifyAsync(book)).Reason, StringComparison.Ordinal);

        await Tamper($"DELETE FROM acc_journal_lines WHERE entry_id = {entries[0].Id}");
        await Tamper($"DELETE FROM acc_journal_entries WHERE id = {entries[0].Id}");
        Assert.Contains("position 1 is missing", Assert.Single(await VerifyAsync(book)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DetectsABalanceRowThatNoLongerMatchesTheLines()
    {
        var book = await CreateAsync(factory, "株式会社残高改ざん");
        await book.PostAsync(May10, "売上", Dr("1110", 1_000), Cr("4550", 1_000));
        await book.Run(sp => sp.GetRequiredService<UrakataDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE acc_balances SET debit = debit + 1 WHERE company_id = {book.Company.Id} AND debit > 0"));
        Assert.Contains("monthly balance", Assert.Single(await VerifyAsync(book)).Reason, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<ChainBreak>> VerifyAsync(LedgerTestBook book) => book.VerifyAsync();
}
