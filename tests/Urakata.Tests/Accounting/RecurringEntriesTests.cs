using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Recurring;
using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using static Urakata.Tests.Accounting.LedgerTestBook;

namespace Urakata.Tests.Accounting;

/// <summary>定期仕訳: the morning job posts each month once, catches up after a lock is lifted, and never posts twice.</summary>
[Trait("Category", "Database")]
public sealed class RecurringEntriesTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task Rent_IsPostedEveryMonthOnce_LockedMonthsWaitAndCatchUp()
    {
        // The test clock stands at 2026-11-23 10:00 in Japan: rent on the 27th is due for April to October.
        var book = await CreateAsync(factory, "株式会社定期");
        var rent = await book.Use<RecurringEntries, RecurringEntryDto>(r => r.SaveAsync(null, new RecurringEntryInput("本社家賃", 27, new DateOnly(2026, 4, 1), null, "本社家賃",
            [Dr("6390", 330_000, "P-10"), Cr("1130", 330_000)])));
        await book.Use<FiscalYears, FiscalYear>(y => y.LockThroughAsync(2026, 2)); // April and May are closed

        Assert.Equal(5, await RunJobAsync());
        var failed = (await book.Use<RecurringEntries, List<RecurringEntryDto>>(r => r.ListAsync())).Single();
        Assert.StartsWith("2026-05", failed.LastError, StringComparison.Ordinal);
        Assert.Contains(Urakata.Accounting.AccountingMessages.PeriodLocked, failed.LastError, StringComparison.Ordinal);

        await book.Use<FiscalYears, FiscalYear>(y => y.LockThroughAsync(2026, 0));
        Assert.Equal(2, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync()); // idempotent: nothing more is due

        var posted = (await book.Use<JournalQueries, JournalPage>(q => q.SearchAsync(new JournalSearch(AccountCode: "6390")))).Entries;
        Assert.Equal(Enumerable.Range(4, 7).Select(m => new DateOnly(2026, m, 27)), posted.Select(e => e.Date));
        Assert.All(posted, e => Assert.Equal(330_000, e.TotalAmount));
        Assert.Null((await book.Use<RecurringEntries, List<RecurringEntryDto>>(r => r.ListAsync())).Single(r => r.Id == rent.Id).LastError);
    }

    [Fact]
    public async Task ATemplateThatCouldNotPost_IsRefusedWhenSaved()
    {
        var book = await CreateAsync(factory, "株式会社定期不可");
        var ex = await Assert.ThrowsAsync<ValidationException>(() => book.Use<RecurringEntries, RecurringEntryDto>(r => r.SaveAsync(null,
            new RecurringEntryInput("リース料", 31, new DateOnly(2026, 4, 1), null, null, [Dr("6410", 55_000, "P-10"), Cr("1130", 50_000)]))));
        Assert.Contains("lines", ex.Errors.Keys);
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecurringEntriesJob>().RunAsync();
    }
}
