using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.People.Attendance;
using Urakata.People.Employees;

namespace Urakata.People.Data;

/// <summary><c>hr_work_rules</c>: the company's 勤務形態 (one default); employees point at theirs.</summary>
internal sealed class WorkRuleConfiguration : IEntityTypeConfiguration<WorkRule>
{
    public void Configure(EntityTypeBuilder<WorkRule> b)
    {
        b.ToTable("hr_work_rules");
        b.Property(r => r.Name).HasMaxLength(WorkRule.MaxNameLength);
        b.Ignore(r => r.ScheduledMinutes);
        // Rules made before 勤務形態 had systems are 通常 with a one-month period starting in January / on the 1st.
        b.Property(r => r.TimeSystem).HasDefaultValue(WorkingTimeSystem.Standard);
        b.Property(r => r.FlexMonths).HasDefaultValue(1);
        b.Property(r => r.FlexStartMonth).HasDefaultValue(1);
        b.Property(r => r.VariableStartDay).HasDefaultValue(1);
        b.HasIndex(r => new { r.CompanyId, r.IsDefault });
    }
}

/// <summary><c>hr_shifts</c>: one シフト per employee and date under 変形労働時間制.</summary>
internal sealed class ShiftDayConfiguration : IEntityTypeConfiguration<ShiftDay>
{
    public void Configure(EntityTypeBuilder<ShiftDay> b)
    {
        b.ToTable("hr_shifts");
        b.HasIndex(s => new { s.CompanyId, s.EmployeeId, s.Date }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(s => s.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.ScheduledMinutes);
        b.Ignore(s => s.DayKind);
    }
}

/// <summary><c>hr_attendance_days</c>: one row per employee and work date; the spans hang below it.</summary>
internal sealed class AttendanceDayConfiguration : IEntityTypeConfiguration<AttendanceDay>
{
    public void Configure(EntityTypeBuilder<AttendanceDay> b)
    {
        b.ToTable("hr_attendance_days");
        // One row per work date: two concurrent clock-ins for a new date cannot both insert one. An employee belongs to
        // one company, so employee and date alone are unique; without a company_id prefix the index also serves every
        // read of employees' dates (a department's month seeks each employee's range, whatever the history): on SQLite
        // the company filter's "all companies OR company_id = …" cannot use a company_id prefix.
        b.HasIndex(d => new { d.EmployeeId, d.Date }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(d => d.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Spans).WithOne().HasForeignKey(s => s.AttendanceDayId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Spans).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(d => d.OpenWork);
        b.Ignore(d => d.OpenBreak);
    }
}

/// <summary><c>hr_attendance_spans</c>: 出勤〜退勤 and 休憩 spans, instants in UTC; an open end is a missing clock.</summary>
internal sealed class AttendanceSpanConfiguration : IEntityTypeConfiguration<AttendanceSpan>
{
    public void Configure(EntityTypeBuilder<AttendanceSpan> b)
    {
        b.ToTable("hr_attendance_spans");
        // Ids are made by the entity, so a span added to a loaded day is recognised as new.
        b.Property(s => s.Id).ValueGeneratedNever();
        // The 勤務表 reads spans by employee and date range without the days (one range per employee instead of a lookup
        // per day, which PostgreSQL's planner would rather replace by a scan of every span of the company). On
        // PostgreSQL the index carries what the read needs, so it is an index-only scan (a 200-employee month: 24 ms
        // instead of 65 ms through the heap); SQLite has no INCLUDE and ignores it.
        b.HasIndex(s => new { s.EmployeeId, s.Date }).IncludeProperties(s => new { s.CompanyId, s.Kind, s.StartUtc, s.EndUtc });
    }
}

/// <summary><c>hr_attendance_closes</c>: each 勤怠締め of a department's (or the company's) month, with its reopening.</summary>
internal sealed class AttendanceCloseConfiguration : IEntityTypeConfiguration<AttendanceClose>
{
    public void Configure(EntityTypeBuilder<AttendanceClose> b)
    {
        b.ToTable("hr_attendance_closes");
        b.Property(c => c.ReopenReason).HasMaxLength(AttendanceClose.MaxReasonLength);
        b.Ignore(c => c.IsActive);
        b.HasIndex(c => new { c.CompanyId, c.Month, c.DepartmentId });
    }
}

/// <summary><c>hr_attendance_month_totals</c>: one employee's closed month; the row locks the month.</summary>
internal sealed class AttendanceMonthTotalsConfiguration : IEntityTypeConfiguration<AttendanceMonthTotals>
{
    public void Configure(EntityTypeBuilder<AttendanceMonthTotals> b)
    {
        b.ToTable("hr_attendance_month_totals");
        // One close at a time holds an employee's month: two closes racing for the same employee cannot both insert.
        // Employee first, as hr_attendance_days: the 36協定 history seeks each employee's months.
        b.HasIndex(t => new { t.EmployeeId, t.Month }).IsUnique();
        b.HasIndex(t => new { t.CompanyId, t.CloseId });
        b.HasOne<Employee>().WithMany().HasForeignKey(t => t.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AttendanceClose>().WithMany().HasForeignKey(t => t.CloseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.PaidLeaveDays).HasPrecision(5, 1);
        b.Property(t => t.UnpaidLeaveDays).HasPrecision(5, 1);
    }
}

/// <summary><c>hr_attendance_corrections</c>: approved 打刻修正, before and after, with the request and the approver.</summary>
internal sealed class AttendanceCorrectionConfiguration : IEntityTypeConfiguration<AttendanceCorrection>
{
    public void Configure(EntityTypeBuilder<AttendanceCorrection> b)
    {
        b.ToTable("hr_attendance_corrections");
        b.Property(c => c.RequestNumber).HasMaxLength(40);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.HasIndex(c => new { c.CompanyId, c.EmployeeId, c.Date });
        b.HasIndex(c => new { c.CompanyId, c.RequestId }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary><c>hr_overtime_agreements</c>: the company's 36協定 figures (one row).</summary>
internal sealed class OvertimeAgreementSettingsConfiguration : IEntityTypeConfiguration<OvertimeAgreementSettings>
{
    public void Configure(EntityTypeBuilder<OvertimeAgreementSettings> b)
    {
        b.ToTable("hr_overtime_agreements");
        b.HasIndex(a => a.CompanyId).IsUnique();
    }
}

/// <summary><c>hr_overtime_alerts</c>: 36協定 alerts sent, one per employee, month, limit and level.</summary>
internal sealed class OvertimeAlertConfiguration : IEntityTypeConfiguration<OvertimeAlert>
{
    public void Configure(EntityTypeBuilder<OvertimeAlert> b)
    {
        b.ToTable("hr_overtime_alerts");
        b.HasIndex(a => new { a.CompanyId, a.EmployeeId, a.Month, a.Limit, a.Level }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
