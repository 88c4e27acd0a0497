using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Accounting;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Reports;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Tests.Infrastructure;
using static Urakata.Tests.Accounting.LedgerTestBook;

namespace Urakata.Tests.Accounting;

/// <summary>
/// Many people posting in one company at the same moment (<see cref="PostingBatcher"/> writes them together): each
/// caller gets its own entry or its own error, numbers stay gap-free, the chain and the balances stay whole.
/// </summary>
[Trait("Category", "Database")]
public sealed class GroupCommitTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task CallersPostingAtOnce_EachGetTheirOwnOutcome_AndTheBookStaysWhole()
    {
        var book = await CreateAsync(factory, "株式会社同時転記");
        await book.Use<FiscalYears, FiscalYear>(y => y.LockThroughAsync(2026, 1)); // April is closed for posting
        const int callers = 60;
        // Every 10th caller names an account that does not exist, every 15th posts into locked April; the rest are good.
        static bool Unknown(int i) => i % 10 == 3;
        static bool Locked(int i) => i % 15 == 7 && !Unknown(i);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var date = Locked(i) ? new DateOnly(2026, 4, 20) : new DateOnly(2026, 5, 1 + i % 28);
            try
            {
                return (i, Entry: await book.PostAsync(date, $"売上 {i}", Dr(Unknown(i) ? "9999" : "1110", 1_000 + i), Cr("4550", 1_000 + i)), Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (i, Entry: (JournalEntry?)null, Error: ex);
            }
        })));

        foreach (var (i, entry, error) in outcomes)
        {
            if (Unknown(i))
            {
                Assert.Equal(["lines[0].account"], Assert.IsType<ValidationException>(error).Errors.Keys);
            }
            else if (Locked(i))
            {
                Assert.Equal(AccountingMessages.PeriodLocked, Assert.IsType<DomainException>(error).Message);
            }
            else
            {
                Assert.Null(error);
                Assert.Equal($"売上 {i}", entry!.Description);
                Assert.Equal(1_000 + i, entry.TotalAmount);
            }
        }
        var posted = outcomes.Where(o => o.Entry is not null).Select(o => o.Entry!).ToList();
        Assert.Equal(callers - 6 - 4, posted.Count); // 3, 13 … 53 unknown; 7, 22, 37, 52 locked
        Assert.Equal(Enumerable.Range(1, posted.Count).Select(n => (long)n), posted.Select(e => e.Number).Order());
        Assert.Equal(posted.Count, await book.Run(sp => sp.GetRequiredService<UrakataDbContext>().Set<JournalEntry>().CountAsync()));
        Assert.Empty(await book.VerifyAsync());

        var tb = await book.Use<TrialBalanceReport, TrialBalance>(r => r.RunAsync(2026, 1, 12));
        Assert.Equal(posted.Sum(e => e.TotalAmount), tb.Rows.Single(r => r.Code == "1110").Closing);
    }
}
