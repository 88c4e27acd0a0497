using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.People.Employees;
using Urakata.Platform.Domain;

namespace Urakata.People.Data;

/// <summary><c>hr_employees</c>: the 社員台帳, one row per employee; the pay account lives in its columns.</summary>
internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.ToTable("hr_employees");
        b.Property(e => e.Number).HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Kana).HasMaxLength(100);
        b.Property(e => e.SearchKey).HasMaxLength(200);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.Phone).HasMaxLength(40);
        b.Property(e => e.PostalCode).HasMaxLength(8);
        b.Property(e => e.Address).HasMaxLength(300);
        b.Property(e => e.EmergencyContactName).HasMaxLength(100);
        b.Property(e => e.EmergencyContactRelation).HasMaxLength(40);
        b.Property(e => e.EmergencyContactPhone).HasMaxLength(40);
        b.Property(e => e.PayBankCode).HasMaxLength(4);
        b.Property(e => e.PayBranchCode).HasMaxLength(3);
        b.Property(e => e.PayAccountNumber).HasMaxLength(7);
        b.Property(e => e.PayAccountHolder).HasMaxLength(ZenginKana.MaxLength);
        b.Property(e => e.MyNumberProtected).HasMaxLength(1000);
        b.Ignore(e => e.PayAccount);
        b.HasOne<Attendance.WorkRule>().WithMany().HasForeignKey(e => e.WorkRuleId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.HasMyNumber);
        b.HasIndex(e => new { e.CompanyId, e.Number }).IsUnique();
        b.HasIndex(e => new { e.CompanyId, e.UserId }).IsUnique();
        b.HasIndex(e => new { e.CompanyId, e.DepartmentId });
        b.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Position>().WithMany().HasForeignKey(e => e.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Dependants).WithOne().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Dependants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary><c>hr_dependants</c>: 扶養家族 of an employee.</summary>
internal sealed class DependantConfiguration : IEntityTypeConfiguration<Dependant>
{
    public void Configure(EntityTypeBuilder<Dependant> b)
    {
        b.ToTable("hr_dependants");
        // Ids are made by the entity; a dependant added to a loaded employee is then recognised as new, not as a stale row.
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Kana).HasMaxLength(100);
        b.HasIndex(d => new { d.CompanyId, d.EmployeeId });
    }
}
