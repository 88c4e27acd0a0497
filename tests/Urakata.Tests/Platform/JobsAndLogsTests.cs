using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Urakata.Platform.Api;
using Urakata.Platform.Data;
using Urakata.Platform.Features;
using Urakata.Platform.Jobs;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

/// <summary>Keeps every log line the application writes, at every level.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
    }
}

public sealed class LogCaptureFactory : UrakataFactory
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }
}

[Trait("Category", "Database")]
public sealed class JobsAndLogsTests(LogCaptureFactory factory) : IClassFixture<LogCaptureFactory>
{
    [Fact]
    public async Task Housekeeping_TriggeredThroughQuartz_DeletesOnlyWhatIsOlderThanAWeek()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
            db.OutboxMessages.AddRange(
                new OutboxMessage { Type = "old", Payload = "{}", OccurredAt = now.AddDays(-9), ProcessedAt = now.AddDays(-8) },
                new OutboxMessage { Type = "recent", Payload = "{}", OccurredAt = now.AddDays(-2), ProcessedAt = now.AddDays(-2) },
                new OutboxMessage { Type = "undelivered", Payload = "{}", OccurredAt = now.AddDays(-30), Attempts = 10 });
            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = Guid.NewGuid(), Key = "old", RequestHash = "x", CreatedAt = now.AddDays(-8) });
            await db.SaveChangesAsync();
        }
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(HousekeepingJob.Key);

        string[] remaining = [];
        for (var i = 0; i < 100; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UrakataDbContext>();
            remaining = await db.OutboxMessages.Select(m => m.Type).OrderBy(t => t).ToArrayAsync();
            if (!remaining.Contains("old") && !await db.IdempotencyRecords.AnyAsync(r => r.Key == "old"))
            {
                break;
            }
            await Task.Delay(100);
        }
        Assert.Equal(["recent", "undelivered"], remaining);
    }

    [Fact]
    public async Task Logs_NeverContainPasswordsOrTokens()
    {
        var c = await factory.CreateCompanyAsync("ログ株式会社", "logs-a");
        var client = factory.CreateBrowserClient();
        const string wrong = "Wrong-Password-Visible-In-Logs?";
        await BrowserForms.SignInAsync(client, c.AdminUserName, wrong);
        await BrowserForms.SignInAsync(client, c.AdminUserName, UrakataFactory.Password);
        var created = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<AccessTokens>().CreateAsync(new CreateAccessToken("log", 1)));
        var api = factory.CreateBrowserClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", created.Secret);
        await api.GetAsync("/api/v1/platform/departments");
        await api.PostAsJsonAsync("/api/v1/platform/users", new CreateMember("newbie", "新人", null, null, "Another-Secret-Password-42", null, []));

        var logs = string.Join("\n", factory.Logs.Lines);
        Assert.NotEmpty(factory.Logs.Lines);
        foreach (var secret in new[] { wrong, UrakataFactory.Password, created.Secret, "Another-Secret-Password-42" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
