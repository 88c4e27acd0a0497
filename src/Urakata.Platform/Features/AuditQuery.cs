using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;

namespace Urakata.Platform.Features;

public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, Guid? UserId = null, string? EntityType = null, string? EntityId = null,
    long? Before = null, int Limit = 50);
public sealed record AuditEntryDto(long Sequence, DateTime OccurredAt, Guid? UserId, string? UserName, string? IpAddress, string EntityType, string EntityId,
    AuditAction Action, IReadOnlyList<FieldChange> Changes, string? Reason);
/// <summary>A page of history, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);

/// <summary>The current company's history, filterable by date range (company time zone), user and record.</summary>
public sealed class AuditQuery(UrakataDbContext db, Security.PermissionService permissions)
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public async Task<AuditPage> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await permissions.RequireAsync(Security.PlatformPermissions.AuditRead, ct);
        var companyId = db.CurrentUser.RequireCompany();
        var limit = Math.Clamp(filter.Limit, 1, 200);
        var q = db.AuditEvents.AsNoTracking().Where(e => e.CompanyId == companyId);
        if (filter.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Tokyo);
            q = q.Where(e => e.OccurredAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Tokyo);
            q = q.Where(e => e.OccurredAt < end);
        }
        if (filter.UserId is { } user)
        {
            q = q.Where(e => e.UserId == user);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            q = q.Where(e => e.EntityType == filter.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            q = q.Where(e => e.EntityId == filter.EntityId);
        }
        if (filter.Before is { } before)
        {
            q = q.Where(e => e.Sequence < before);
        }
        var rows = await q.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(e => new AuditEntryDto(e.Sequence, e.OccurredAt, e.UserId, e.UserName, e.IpAddress, e.EntityType, e.EntityId,
            e.Action, JsonSerializer.Deserialize<List<FieldChange>>(e.Changes, AuditTrail.Json) ?? [], e.Reason)).ToList();
        return new AuditPage(items, rows.Count > limit ? items[^1].Sequence : null);
    }
}
