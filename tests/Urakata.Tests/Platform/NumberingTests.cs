using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Numbering;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

[Trait("Category", "Database")]
public sealed class NumberingTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task ThousandParallelTakes_GiveOneToThousand_NoGapNoDuplicate()
    {
        var c = await factory.CreateCompanyAsync("採番株式会社", "num-a");
        var taken = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
        {
            await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
            {
                var db = sp.GetRequiredService<UrakataDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                taken.Add(await sp.GetRequiredService<NumberingService>().TakeAsync("ringi", 2026, ct));
                await tx.CommitAsync(ct);
            });
        });
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), taken.Order());
    }

    [Fact]
    public async Task RolledBackTake_GivesTheNumberBack()
    {
        var c = await factory.CreateCompanyAsync("巻き戻し株式会社", "num-b");
        async Task<long> TakeAsync(bool commit) => await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var n = await sp.GetRequiredService<NumberingService>().TakeAsync("invoice", 2026);
            if (commit)
            {
                await tx.CommitAsync();
            }
            return n;
        });
        Assert.Equal(1, await TakeAsync(commit: true));
        Assert.Equal(2, await TakeAsync(commit: false));
        Assert.Equal(2, await TakeAsync(commit: true));
        // Another kind and another fiscal year count on their own.
        Assert.Equal(1, await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            return await sp.GetRequiredService<NumberingService>().TakeAsync("invoice", 2027);
        }));
    }

    [Fact]
    public async Task TakeOutsideATransaction_IsRefused()
    {
        var c = await factory.CreateCompanyAsync("取引外株式会社", "num-c");
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<NumberingService>().TakeAsync("ringi", 2026)));
    }

    [Fact]
    public void Format_IsPrefixYearAndSixDigits() =>
        Assert.Equal("RG-2026-000123", NumberingService.Format("RG", 2026, 123));
}
