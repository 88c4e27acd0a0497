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
/// <param name="Labels">Names for the ids that appear in the page (users, departments, positions, roles), current company only.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore, IReadOnlyDictionary<string, string> Labels);

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
        return new AuditPage(items, rows.Count > limit ? items[^1].Sequence : null, await LabelsAsync(companyId, items, ct));
    }

    /// <summary>Readable names for every id in the page, looked up only among the current company's records.</summary>
    private async Task<Dictionary<string, string>> LabelsAsync(Guid companyId, List<AuditEntryDto> items, CancellationToken ct)
    {
        var ids = items.SelectMany(e => e.Changes.SelectMany(c => new[] { c.Before, c.After }).Append(e.EntityId))
            .Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var labels = new Dictionary<string, string>();
        if (ids.Count == 0)
        {
            return labels;
        }
        void Add(IEnumerable<(Guid Id, string Name)> found)
        {
            foreach (var (id, name) in found)
            {
                labels[id.ToString("D")] = name;
            }
        }
        Add((await (from m in db.Memberships.AsNoTracking()
                    join u in db.Users on m.UserId equals u.Id
                    where ids.Contains(u.Id)
                    select new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(x => (x.Id, x.DisplayName)));
        Add((await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.Positions.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        if (ids.Contains(companyId))
        {
            labels[companyId.ToString("D")] = await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).SingleAsync(ct);
        }
        return labels;
    }
}
