using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.Platform.Domain;

namespace Urakata.Platform.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("pf_departments");
        b.Property(d => d.Code).HasMaxLength(30);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.NameKana).HasMaxLength(100);
        b.HasIndex(d => new { d.CompanyId, d.Code }).IsUnique();
        b.HasOne<Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> b)
    {
        b.ToTable("pf_positions");
        b.Property(p => p.Code).HasMaxLength(30);
        b.Property(p => p.Name).HasMaxLength(50);
        b.HasIndex(p => new { p.CompanyId, p.Code }).IsUnique();
        b.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrgAssignmentConfiguration : IEntityTypeConfiguration<OrgAssignment>
{
    public void Configure(EntityTypeBuilder<OrgAssignment> b)
    {
        b.ToTable("pf_org_assignments");
        b.HasIndex(a => new { a.CompanyId, a.DepartmentId, a.EffectiveFrom });
        b.HasIndex(a => new { a.CompanyId, a.UserId, a.EffectiveFrom });
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Position>().WithMany().HasForeignKey(a => a.PositionId).OnDelete(DeleteBehavior.Restrict);
    }
}
