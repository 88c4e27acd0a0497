using Quartz;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Jobs;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

public sealed class PostgresJobStoreFactory : UrakataFactory
{
    protected override IDictionary<string, string?> ExtraSettings => TestDatabase.UsePostgres
        ? new Dictionary<string, string?> { ["Jobs:Store"] = "postgres" }
        : new Dictionary<string, string?>();
}

/// <summary>With <c>Jobs:Store=postgres</c> the scheduler creates its tables and runs clustered.</summary>
[Trait("Category", "Database")]
public sealed class ClusteredJobsTests(PostgresJobStoreFactory factory) : IClassFixture<PostgresJobStoreFactory>
{
    [Fact]
    public async Task OnPostgres_TheSchedulerIsPersistentAndClustered_AndKnowsTheHousekeepingJob()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        if (!TestDatabase.UsePostgres)
        {
            Assert.False(metadata.JobStorePersistent); // SQLite single node: the in-memory store
            return;
        }
        Assert.True(metadata.JobStorePersistent);
        Assert.True(metadata.JobStoreClustered);
        Assert.True(await scheduler.Exists(HousekeepingJob.Key));
    }
}
