using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Urakata.Accounting.Journal;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;

namespace Urakata.Accounting.Recurring;

public sealed record RecurringEntryInput(string Name, int DayOfMonth, DateOnly StartMonth, DateOnly? EndMonth, string? Description,
    IReadOnlyList<JournalLineInput> Lines, bool IsActive = true, int? Version = null);

public sealed record RecurringEntryDto(Guid Id, string Name, int DayOfMonth, DateOnly StartMonth, DateOnly? EndMonth, string Description,
    IReadOnlyList<JournalLineInput> Lines, bool IsActive, string? LastError, int Version);

/// <summary>定期仕訳の登録と、期日の来た月の転記 (each month once, whoever runs it and however often).</summary>
public sealed class RecurringEntries(UrakataDbContext db, JournalPosting posting, TimeProvider clock)
{
    public async Task<List<RecurringEntryDto>> ListAsync(CancellationToken ct = default) =>
        [.. (await db.Set<RecurringEntry>().AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Name, StringComparer.Ordinal).Select(ToDto)];

    public async Task<RecurringEntryDto> SaveAsync(Guid? id, RecurringEntryInput input, CancellationToken ct = default)
    {
        var existing = id is { } found ? await db.Set<RecurringEntry>().FindOrThrowAsync(found, ct) : null;
        var lines = input.Lines ?? [];
        // The template must be a postable entry: checked now, not first at the job's run.
        await posting.PrepareAsync(new JournalEntryInput(input.StartMonth, input.Description, lines), ct: ct);
        RecurringEntry entry;
        if (existing is not null)
        {
            entry = existing;
            db.ExpectVersion(entry, input.Version);
            entry.Update(input.Name, input.DayOfMonth, input.StartMonth, input.EndMonth, input.Description, lines, input.IsActive);
        }
        else
        {
            entry = new RecurringEntry(input.Name, input.DayOfMonth, input.StartMonth, input.EndMonth, input.Description, lines);
            db.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        return ToDto(entry);
    }

    /// <summary>Posts every month that is due and not yet posted for the current company; returns how many entries it posted.</summary>
    public async Task<int> PostDueAsync(CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var templates = await db.Set<RecurringEntry>().Where(r => r.IsActive).ToListAsync(ct);
        var posted = 0;
        foreach (var template in templates)
        {
            string? error = null;
            foreach (var month in template.MonthsDue(today))
            {
                var key = template.SourceKey(month);
                if (await db.Set<JournalEntry>().AnyAsync(e => e.Source == "recurring" && e.SourceKey == key, ct))
                {
                    continue;
                }
                try
                {
                    var description = string.IsNullOrEmpty(template.Description) ? template.Name : template.Description;
                    await posting.PostAsync(new JournalEntryInput(template.DateIn(month), $"{description} ({month:yyyy-MM})", template.Lines),
                        EntryKind.Normal, "recurring", key, ct);
                    posted++;
                }
                catch (DomainException ex)
                {
                    // A locked month or a retired account: the month stays unposted and is tried again at the next run.
                    error = string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM}: {ex.Message}");
                }
            }
            if (template.LastError != error)
            {
                template.Failed(error);
                await db.SaveChangesAsync(ct);
            }
        }
        return posted;
    }

    private static RecurringEntryDto ToDto(RecurringEntry r) =>
        new(r.Id, r.Name, r.DayOfMonth, r.StartMonth, r.EndMonth, r.Description, r.Lines, r.IsActive, r.LastError, r.Version);
}

/// <summary>
/// <c>accounting.recurring</c>: every morning (06:00 Japan time) posts the 定期仕訳 that fell due, company by company,
/// each in its own scope. Idempotent: a month already posted is skipped, so a rerun or a second node posts nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RecurringEntriesJob(UrakataDbContext db, CurrentUser currentUser, IServiceScopeFactory scopes, ILogger<RecurringEntriesJob> logger) : IJob
{
    public static readonly JobKey Key = new("accounting.recurring");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        List<Guid> companies;
        using (currentUser.AsSystem("accounting-recurring"))
        {
            companies = await db.Set<RecurringEntry>().Where(r => r.IsActive).Select(r => r.CompanyId).Distinct().ToListAsync(ct);
        }
        var posted = 0;
        foreach (var company in companies)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<CurrentUser>().InCompany(company, null, "accounting-recurring");
            posted += await scope.ServiceProvider.GetRequiredService<RecurringEntries>().PostDueAsync(ct);
        }
        if (posted > 0)
        {
            logger.LogInformation("Posted {Count} recurring journal entries.", posted);
        }
        return posted;
    }
}
