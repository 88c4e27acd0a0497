using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Audit;

/// <summary>Turns tracked changes into hash-chained audit rows inside the saving transaction.</summary>
internal static class AuditTrail
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        // Japanese stays readable in the stored diff; the text is never rendered as HTML unencoded.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private static readonly HashSet<string> AuditedUserFields =
        [nameof(AppUser.UserName), nameof(AppUser.Email), nameof(AppUser.DisplayName), nameof(AppUser.DisplayNameKana),
         nameof(AppUser.IsDisabled), nameof(AppUser.TwoFactorEnabled), nameof(AppUser.LockoutEnd)];

    internal sealed record PendingEvent(Guid CompanyId, string EntityType, string EntityId, AuditAction Action, IReadOnlyList<FieldChange> Changes,
        string? Reason = null);

    public static List<PendingEvent> Collect(ChangeTracker tracker)
    {
        var result = new List<PendingEvent>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry.Entity))
            {
                continue;
            }
            var changes = Diff(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            result.Add(new PendingEvent(ChainOf(entry), entry.Metadata.ClrType.Name, KeyOf(entry), action, changes));
        }
        return result;
    }

    public static async Task<List<AuditEvent>> AppendAsync(UrakataDbContext db, IReadOnlyList<PendingEvent> pending, DateTime now, CancellationToken ct)
    {
        var written = new List<AuditEvent>();
        if (pending.Count == 0)
        {
            return written;
        }
        // Millisecond precision: PostgreSQL keeps microseconds, and the hash must survive the round trip.
        var at = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var user = db.CurrentUser;
        foreach (var chain in pending.GroupBy(p => p.CompanyId))
        {
            var (last, previousHash) = await ReserveAsync(db, chain.Key, chain.Count(), ct);
            var sequence = last - chain.Count();
            foreach (var p in chain)
            {
                var unsigned = new AuditEvent
                {
                    CompanyId = p.CompanyId,
                    Sequence = ++sequence,
                    OccurredAt = at,
                    UserId = user.UserId,
                    UserName = user.UserName,
                    IpAddress = user.IpAddress,
                    EntityType = p.EntityType,
                    EntityId = p.EntityId,
                    Action = p.Action,
                    Changes = JsonSerializer.Serialize(p.Changes, Json),
                    Reason = p.Reason,
                    PreviousHash = previousHash,
                };
                var signed = AuditHasher.Sign(unsigned);
                previousHash = signed.Hash;
                db.AuditEvents.Add(signed);
                written.Add(signed);
            }
            var head = chain.Key;
            var hash = previousHash;
            await db.AuditChainHeads.Where(h => h.CompanyId == head)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, hash), ct);
        }
        return written;
    }

    /// <summary>Locks the chain head (row lock on PostgreSQL, the write lock on SQLite) and reserves <paramref name="count"/> sequence numbers.</summary>
    internal static async Task<(long Last, string Hash)> ReserveAsync(UrakataDbContext db, Guid companyId, int count, CancellationToken ct)
    {
        var updated = await db.AuditChainHeads.Where(h => h.CompanyId == companyId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + count), ct);
        if (updated == 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO pf_audit_chains (company_id, last_sequence, last_hash) VALUES ({companyId}, 0, '') ON CONFLICT (company_id) DO NOTHING", ct);
            await db.AuditChainHeads.Where(h => h.CompanyId == companyId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + count), ct);
        }
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.CompanyId == companyId, ct);
        return (head.LastSequence, head.LastHash);
    }

    private static bool IsAudited(object entity) => entity switch
    {
        AuditEvent or AuditChainHead or Numbering.NumberSequence or Outbox.OutboxMessage or Api.IdempotencyRecord or Security.UserSession => false,
        IdentityUserToken<Guid> or IdentityUserClaim<Guid> or IdentityUserLogin<Guid> => false,
        Notification or IDerivedRecord or IChainedRecord => false,
        _ => true,
    };

    private static Guid ChainOf(EntityEntry entry) => entry.Entity switch
    {
        Company c => c.Id,
        ICompanyOwned owned => owned.CompanyId,
        // A user belongs to no single company: their changes go into the chain of the company whose
        // administrator made them (Guid.Empty for the CLI and sign-in bookkeeping).
        _ => entry.Context is UrakataDbContext db ? db.CurrentUser.CompanyId ?? Guid.Empty : Guid.Empty,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!;
        return string.Join("/", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static List<FieldChange> Diff(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var member = property.Metadata.PropertyInfo;
            if (name is nameof(Entity.Version) or nameof(Entity.Id) or nameof(ICompanyOwned.CompanyId) || property.Metadata.IsShadowProperty() || member?.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                continue;
            }
            // Field-only members hold an aggregate's inner state as a document (a request's steps and its own
            // history); the aggregate records those changes itself, so the audit keeps to the named properties.
            if (member is null && property.Metadata.FieldInfo is not null)
            {
                continue;
            }
            if (entry.Entity is AppUser && !AuditedUserFields.Contains(name))
            {
                continue;
            }
            var sensitive = member?.GetCustomAttribute<SensitiveAttribute>() is not null;
            string? before = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
            string? after = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || before == after))
            {
                continue;
            }
            if (entry.State == EntityState.Added && after is null)
            {
                continue;
            }
            if (sensitive)
            {
                before = before is null ? null : "***";
                after = after is null ? null : "***";
            }
            changes.Add(new FieldChange(name, before, after));
        }
        return changes;
    }

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
