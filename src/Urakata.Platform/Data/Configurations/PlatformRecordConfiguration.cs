using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.Platform.Api;
using Urakata.Platform.Audit;
using Urakata.Platform.Domain;
using Urakata.Platform.Numbering;
using Urakata.Platform.Outbox;

namespace Urakata.Platform.Data.Configurations;

internal sealed class CompanyHolidayConfiguration : IEntityTypeConfiguration<CompanyHoliday>
{
    public void Configure(EntityTypeBuilder<CompanyHoliday> b)
    {
        b.ToTable("pf_company_holidays");
        b.Property(h => h.Name).HasMaxLength(100);
        b.HasIndex(h => new { h.CompanyId, h.Date }).IsUnique();
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.ToTable("pf_access_tokens");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.CompanyId, t.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("pf_notifications");
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.HasIndex(n => new { n.CompanyId, n.UserId, n.CreatedAt });
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("pf_files");
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.HasIndex(f => new { f.CompanyId, f.Sha256 });
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("pf_audit_events");
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.CompanyId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.CompanyId, e.EntityType, e.EntityId });
        b.HasIndex(e => new { e.CompanyId, e.OccurredAt });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("pf_audit_chains");
        b.HasKey(h => h.CompanyId);
        b.Property(h => h.CompanyId).ValueGeneratedNever();
        b.Property(h => h.LastHash).HasMaxLength(64);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("pf_number_sequences");
        b.HasKey(s => new { s.CompanyId, s.Kind, s.FiscalYear });
        b.Property(s => s.Kind).HasMaxLength(40);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("pf_outbox_messages");
        b.Property(m => m.Type).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.ProcessedAt, m.OccurredAt });
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<Security.UserSession>
{
    public void Configure(EntityTypeBuilder<Security.UserSession> b)
    {
        b.ToTable("pf_user_sessions");
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("pf_idempotency_keys");
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Location).HasMaxLength(500);
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
    }
}
