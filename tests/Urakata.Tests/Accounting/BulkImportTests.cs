using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Demo;
using Urakata.Accounting.Import;
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

/// <summary><see cref="JournalImport"/>: the bulk path gives the books posting one by one gives (SQLite, and PostgreSQL in the second pass).</summary>
[Trait("Category", "Database")]
public sealed partial class BulkImportTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly DateOnly YearStart = new(2026, 4, 1);

    private sealed class Recorder : IProgress<(int Done, int Total)>
    {
        public List<(int Done, int Total)> Reports { get; } = [];

        public void Report((int Done, int Total) value) => Reports.Add(value);
    }

    private static async Task<LedgerTestBook> BookWithMastersAsync(UrakataFactory factory, string name)
    {
        var book = await CreateAsync(factory, name);
        await book.Run(async sp =>
        {
            await sp.GetRequiredService<LedgerContext>().LoadAsync();
            await GeneratedBook.SeedMastersAsync(sp.GetRequiredService<UrakataDbContext>(), book.Company.Id);
            return true;
        });
        return book;
    }

    private static Task<JournalImportSummary> ImportAsync(LedgerTestBook book, IReadOnlyList<JournalEntryInput> entries, IProgress<(int, int)>? progress = null) =>
        book.Use<JournalImport, JournalImportSummary>(i => i.ImportAsync(entries, progress));

    [Fact]
    public async Task ThousandEntries_InBulk_GiveTheBooksOfPostingOneByOne_NumberedOnFromThePostedOnes_AndVerify()
    {
        var entries = new GeneratedBook(1_000, YearStart, seed: 7);
        var bulk = await BookWithMastersAsync(factory, "株式会社一括");
        var single = await BookWithMastersAsync(factory, "株式会社逐次");
        foreach (var book in new[] { bulk, single })
        {
            await book.PostAsync(YearStart, "資本金", Dr("1130", 10_000_000), Cr("3110", 10_000_000));
            await book.PostAsync(new DateOnly(2027, 4, 2), "翌期", Dr("1110", 1_000), Cr("4550", 1_000));
        }

        var progress = new Recorder();
        var result = await ImportAsync(bulk, entries, progress);
        foreach (var entry in entries)
        {
            await single.Use<JournalPosting, JournalEntry>(p => p.PostAsync(entry));
        }

        Assert.Equal((1_000, 1_000), progress.Reports[^1]);
        Assert.Equal([new ImportedNumbers(2026, 2, 1_001, 1_000)], result.Numbers);
        Assert.Equal((3, 1_002), (result.FirstChainSequence, result.LastChainSequence));
        var numbers = await bulk.Run(sp => sp.GetRequiredService<UrakataDbContext>().Set<JournalEntry>()
            .Where(e => e.FiscalYear == 2026).OrderBy(e => e.Number).Select(e => e.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 1_001).Select(n => (long)n), numbers);
        var next = await bulk.PostAsync(new DateOnly(2026, 12, 1), "取込の後", Dr("1110", 1), Cr("4550", 1));
        Assert.Equal(1_002, next.Number);
        await single.PostAsync(new DateOnly(2026, 12, 1), "取込の後", Dr("1110", 1), Cr("4550", 1));

        foreach (var (from, to) in new[] { (1, 12), (3, 3), (9, 12) })
        {
            Assert.Equal(await TrialBalanceAsync(single, from, to), await TrialBalanceAsync(bulk, from, to));
        }
        Assert.Empty(await VerifyAsync(bulk));

        // Read back through EF and JournalQueries: the same entries, line for line, as the ones posted one by one.
        foreach (var number in new long[] { 2, 3, 500, 1_001 })
        {
            var (a, b) = (await EntryAsync(bulk, number), await EntryAsync(single, number));
            Assert.Equal((b.Date, b.Description, b.TotalAmount, b.Kind), (a.Date, a.Description, a.TotalAmount, a.Kind));
            Assert.Equal(b.Lines, a.Lines);
            Assert.Equal("import", a.Source);
        }

        var audit = await bulk.Run(sp => sp.GetRequiredService<UrakataDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.CompanyId == bulk.Company.Id && e.EntityType == "JournalImport").ToListAsync());
        var batch = Assert.Single(audit);
        Assert.Equal(result.BatchId.ToString("D"), batch.EntityId);
        Assert.Contains("\"2026 numbers\"", batch.Changes, StringComparison.Ordinal);
        Assert.Contains("2–1001", batch.Changes, StringComparison.Ordinal);
        Assert.Contains("3–1002", batch.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedRows_AreStoredInTheFormatsEfWrites_AndReadBackAsPosted()
    {
        var book = await BookWithMastersAsync(factory, "株式会社書式");
        var input = new JournalEntryInput(new DateOnly(2026, 6, 30), "書式",
        [
            new(BalanceSide.Debit, "1220", 10_800, "-", PartnerCode: "C0001"),
            new(BalanceSide.Credit, "4110", 10_800, "S-08R", DepartmentCode: "B10", PartnerCode: "C0001"),
        ]);
        await book.PostAsync(new DateOnly(2026, 6, 1), "チェーンの先頭", Dr("1110", 1), Cr("4550", 1)); // so both rows below link to a previous hash
        var posted = await book.Use<JournalPosting, JournalEntry>(p => p.PostAsync(input));
        // Same source as the posted one, so that the rows differ only in ids, numbers, hashes and times.
        await book.Use<JournalImport, JournalImportSummary>(i => i.ImportAsync([input], "manual", null));
        var (a, b) = (await EntryAsync(book, 2), await EntryAsync(book, 3));
        Assert.Equal(a.Lines, b.Lines);
        Assert.Equal((a.Date, a.Description, a.Kind, a.PostedByName), (b.Date, b.Description, b.Kind, b.PostedByName));
        Assert.Equal(3, b.Lines.Count); // 本体 + 仮受消費税 (8 %)
        Assert.Equal(0.08m, b.Lines[1].TaxRate);

        // The raw text of every column: the same SQL type and shape as EF's row (Guid upper-case, dates, decimal, bool, enum).
        var postedRows = await RawRowsAsync(book, posted.Id);
        var importedRows = await RawRowsAsync(book, b.Id);
        Assert.Equal(postedRows.Count, importedRows.Count);
        for (var i = 0; i < postedRows.Count; i++)
        {
            Assert.Equal(Shape(postedRows[i]), Shape(importedRows[i]));
        }
    }

    [Theory]
    [InlineData(17, 30, 41)]
    // Past the first chunks: those were already written when the errors are met, and must not stay.
    [InlineData(JournalImport.ChunkSize * 2 + 17, JournalImport.ChunkSize * 2 + 30, JournalImport.ChunkSize * 2 + 41)]
    public async Task OneBadEntry_WritesNothing_AndTheErrorNamesTheEntryAndTheLineField(int unbalanced, int unknown, int partner)
    {
        var book = await BookWithMastersAsync(factory, "株式会社取込エラー" + unbalanced);
        var entries = new GeneratedBook(partner + 9, YearStart, seed: 3).ToList();
        entries[unbalanced] = new(new DateOnly(2026, 5, 1), "unbalanced", [Dr("1110", 100), Cr("4550", 99)]);
        entries[unknown] = new(new DateOnly(2026, 5, 1), "unknown account", [Dr("9999", 100), Cr("4550", 100)]);
        entries[partner] = entries[partner] with { Lines = [.. entries[partner].Lines.Select((l, i) => i == 0 ? l with { PartnerCode = "NOPE" } : l)] };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(book, entries));
        Assert.Equal([$"entries[{unbalanced}].lines", $"entries[{unknown}].lines[0].account", $"entries[{partner}].lines[0].partner"], ex.Errors.Keys.Order());
        await book.Run(async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            Assert.Equal(0, await db.Set<JournalEntry>().CountAsync());
            Assert.Equal(0, await db.Set<JournalLine>().CountAsync());
            Assert.Equal(0, await db.Set<LedgerBalance>().CountAsync());
            Assert.False(await db.AuditEvents.AnyAsync(e => e.CompanyId == book.Company.Id && e.EntityType == "JournalImport"));
            return true;
        });
        var first = await book.PostAsync(new DateOnly(2026, 5, 1), "最初", Dr("1110", 100), Cr("4550", 100));
        Assert.Equal((1, 1L), (first.Number, first.ChainSequence));
    }

    [Fact]
    public async Task LockedMonthsAndClosedYears_AreRefused()
    {
        var book = await BookWithMastersAsync(factory, "株式会社取込締め");
        await book.Use<FiscalYears, FiscalYear>(y => y.LockThroughAsync(2026, 2)); // April and May
        var ex = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(book,
        [
            new(new DateOnly(2026, 6, 1), "open", [Dr("1110", 100), Cr("4550", 100)]),
            new(new DateOnly(2026, 5, 31), "locked", [Dr("1110", 100), Cr("4550", 100)]),
        ]));
        Assert.Equal(AccountingMessages.PeriodLocked, Assert.Single(ex.Errors, e => e.Key == "entries[1].date").Value.Single());

        await book.Use<YearEndClose, FiscalYear>(c => c.CloseAsync(2025));
        ex = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(book, [new(new DateOnly(2025, 12, 1), "closed", [Dr("1110", 100), Cr("4550", 100)])]));
        Assert.Equal(AccountingMessages.FiscalYearClosed, Assert.Single(ex.Errors, e => e.Key == "entries[0].date").Value.Single());
        Assert.Equal(0, await book.Run(sp => sp.GetRequiredService<UrakataDbContext>().Set<JournalEntry>().CountAsync()));
    }

    /// <summary>
    /// Property: any 10,000 balanced entries over the whole chart give a trial balance whose debits equal its credits, a
    /// balance sheet that balances, and a P/L result that is exactly what closing the year adds to 繰越利益剰余金.
    /// </summary>
    [Fact]
    public async Task TenThousandRandomBalancedEntries_TrialBalanceBalances_BalanceSheetBalances_ResultGoesToRetainedEarnings()
    {
        var book = await CreateAsync(factory, "株式会社性質");
        var context = await book.Run(sp => sp.GetRequiredService<LedgerContext>().LoadAsync());
        var accounts = context.Accounts.Values.Where(a => a.IsActive && a.Role != AccountRole.RetainedEarnings).Select(a => a.Code).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(4242);
        var entries = new List<JournalEntryInput>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            var lines = new List<JournalLineInput>();
            long debit = 0, credit = 0;
            var count = random.Next(2, 5);
            for (var l = 0; l < count - 1; l++)
            {
                var amount = (long)random.Next(1, 5_000_000);
                var side = l == 0 ? BalanceSide.Debit : l == 1 ? BalanceSide.Credit : (BalanceSide)random.Next(2);
                // Half the lines keep the account's default tax code (so sales and expenses split into 仮受/仮払消費税).
                lines.Add(new(side, accounts[random.Next(accounts.Length)], amount, random.Next(2) == 0 ? null : "-"));
                (debit, credit) = side == BalanceSide.Debit ? (debit + amount, credit) : (debit, credit + amount);
            }
            var last = debit >= credit ? BalanceSide.Credit : BalanceSide.Debit;
            var rest = Math.Abs(debit - credit);
            lines.Add(new(last, accounts[random.Next(accounts.Length)], rest == 0 ? 1 : rest, "-"));
            if (rest == 0)
            {
                lines.Add(new(last == BalanceSide.Debit ? BalanceSide.Credit : BalanceSide.Debit, "1110", 1, "-"));
            }
            entries.Add(new(YearStart.AddDays(random.Next(365)), "random", lines));
        }
        await ImportAsync(book, entries);

        var tb = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 1, 12));
        Assert.Equal(tb.TotalDebit, tb.TotalCredit);
        Assert.Equal(0, tb.ClosingDifference);
        var bs = FinancialStatements.BalanceSheet(tb, context.RetainedEarnings);
        Assert.Equal(bs.Figure(AccountingMessages.BsAssetsTotal), bs.Figure(AccountingMessages.BsLiabilitiesAndNetAssetsTotal));
        var result = FinancialStatements.ProfitAndLoss(tb).Figure(AccountingMessages.PlNetIncome);
        Assert.Equal(FinancialStatements.NetIncome(tb), result);
        var retainedBefore = tb.Rows.SingleOrDefault(r => r.Code == context.RetainedEarnings.Code)?.Closing ?? 0;

        await book.Use<YearEndClose, FiscalYear>(c => c.CloseAsync(2026));
        var next = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2027, 1, 12));
        var retainedAfter = next.Rows.Single(r => r.Code == context.RetainedEarnings.Code).Opening;
        Assert.Equal(result, retainedAfter - retainedBefore);
        Assert.Empty(await VerifyAsync(book));
    }

    private static async Task<List<(string Code, long Opening, long Debit, long Credit, long Closing)>> TrialBalanceAsync(LedgerTestBook book, int from, int to) =>
        [.. (await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, from, to))).Rows.Select(r => (r.Code, r.Opening, r.Debit, r.Credit, r.Closing))];

    private static Task<JournalEntryDto> EntryAsync(LedgerTestBook book, long number) => book.Use<JournalQueries, JournalEntryDto>(async q =>
        (await q.SearchAsync(new JournalSearch(FiscalYear: 2026, Number: number))).Entries.Single());

    private sealed record RawValue(string Value);

    /// <summary>Every column of the entry's header row and line rows as "type:text" (SQLite's typeof; PostgreSQL's pg_typeof).</summary>
    private static Task<List<string>> RawRowsAsync(LedgerTestBook book, Guid entryId) => book.Run(async sp =>
    {
        var db = sp.GetRequiredService<UrakataDbContext>();
        var rows = new List<string>();
        foreach (var (table, key, columns) in new[]
        {
            ("acc_journal_entries", "id", "id, company_id, fiscal_year, period, date, number, kind, description, reversal_of, source, source_key, posted_at, posted_by, posted_by_name, chain_sequence, previous_hash, hash, total_amount, version"),
            ("acc_journal_lines", "entry_id", "entry_id, line_no, entry_number, company_id, fiscal_year, period, date, account_id, sub_account_id, department_id, partner_id, debit, credit, tax_code, tax_rate, tax_amount, is_tax_line, description"),
        })
        {
            var typeOf = db.IsPostgres ? "pg_typeof" : "typeof";
            var select = string.Join(" || '|' || ", columns.Split(", ").Select(c => $"{typeOf}({c}) || ':' || COALESCE(CAST({c} AS TEXT), 'NULL')"));
            var idText = db.IsPostgres ? entryId.ToString("D") : entryId.ToString("D").ToUpperInvariant();
            var keyText = db.IsPostgres ? $"CAST({key} AS TEXT)" : key;
#pragma warning disable EF1002 // the SQL text is built from the constant column lists above; the id is a parameter
            rows.AddRange(await db.Database.SqlQueryRaw<RawValue>($"SELECT {select} AS value FROM {table} WHERE {keyText} = {{0}} ORDER BY 1", idText)
                .Select(r => r.Value).ToListAsync());
#pragma warning restore EF1002
        }
        return rows;
    });

    /// <summary>A raw row with the values that differ between two entries (ids, numbers, hashes, times) reduced to their pattern.</summary>
    private static string Shape(string row) => NumberPattern().Replace(HexPattern().Replace(row, m => m.Value.Any(char.IsLower) ? "hex" : "HEX"), "9");

    [GeneratedRegex("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|[0-9a-f]{64}")]
    private static partial Regex HexPattern();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex NumberPattern();

    private static Task<IReadOnlyList<ChainBreak>> VerifyAsync(LedgerTestBook book) => book.VerifyAsync();
}
