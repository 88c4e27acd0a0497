using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;

namespace Urakata.People.Data;

/// <summary><c>hr_leave_types</c>: the company's kinds of leave, one code each.</summary>
internal sealed class LeaveTypeConfiguration : IEntityTypeConfiguration<LeaveType>
{
    public void Configure(EntityTypeBuilder<LeaveType> b)
    {
        b.ToTable("hr_leave_types");
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(50);
        b.Property(t => t.NameEn).HasMaxLength(100);
        b.Ignore(t => t.IsAnnualPaidLeave);
        b.HasIndex(t => new { t.CompanyId, t.Code }).IsUnique();
    }
}

/// <summary><c>hr_leave_grants</c>: one grant per employee and date — the grant job's guard against running twice.</summary>
internal sealed class LeaveGrantConfiguration : IEntityTypeConfiguration<LeaveGrant>
{
    public void Configure(EntityTypeBuilder<LeaveGrant> b)
    {
        b.ToTable("hr_leave_grants");
        b.Property(g => g.Days).HasPrecision(5, 1);
        b.Property(g => g.Note).HasMaxLength(200);
        b.Ignore(g => g.ExpiresOn);
        b.HasIndex(g => new { g.CompanyId, g.EmployeeId, g.GrantDate }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(g => g.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary><c>hr_leave_takings</c>: leave taken per date; read by employee and date (ledger, calendar, overlap).</summary>
internal sealed class TakenLeaveConfiguration : IEntityTypeConfiguration<TakenLeave>
{
    public void Configure(EntityTypeBuilder<TakenLeave> b)
    {
        b.ToTable("hr_leave_takings");
        b.Ignore(t => t.Days);
        b.Ignore(t => t.IsCancelled);
        b.Property(t => t.CancelReason).HasMaxLength(500);
        b.HasIndex(t => new { t.CompanyId, t.EmployeeId, t.Date });
        b.HasIndex(t => new { t.CompanyId, t.RequestId });
        b.HasOne<Employee>().WithMany().HasForeignKey(t => t.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LeaveType>().WithMany().HasForeignKey(t => t.LeaveTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary><c>hr_leave_settings</c>: one row per company.</summary>
internal sealed class LeaveSettingsConfiguration : IEntityTypeConfiguration<LeaveSettings>
{
    public void Configure(EntityTypeBuilder<LeaveSettings> b)
    {
        b.ToTable("hr_leave_settings");
        b.Ignore(s => s.Uniform);
        b.HasIndex(s => s.CompanyId).IsUnique();
    }
}

/// <summary><c>hr_leave_five_day_alerts</c>: a 年5日 reminder once per employee and duty.</summary>
internal sealed class FiveDayAlertConfiguration : IEntityTypeConfiguration<FiveDayAlert>
{
    public void Configure(EntityTypeBuilder<FiveDayAlert> b)
    {
        b.ToTable("hr_leave_five_day_alerts");
        b.HasIndex(a => new { a.CompanyId, a.EmployeeId, a.DutyFrom }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
