using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.People.Employees;
using Urakata.People.Events;

namespace Urakata.People.Data;

/// <summary><c>hr_employee_events</c>: 入社・異動・昇格・休職・復職・退職 by date; the job finds the scheduled ones by state and date.</summary>
internal sealed class EmployeeEventConfiguration : IEntityTypeConfiguration<EmployeeEvent>
{
    public void Configure(EntityTypeBuilder<EmployeeEvent> b)
    {
        b.ToTable("hr_employee_events");
        b.Property(e => e.Note).HasMaxLength(500);
        b.Ignore(e => e.AppliesOn);
        b.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.CompanyId, e.EmployeeId, e.EffectiveOn });
        b.HasIndex(e => new { e.State, e.EffectiveOn });
    }
}

/// <summary><c>hr_employee_tasks</c>: the checklist of each event, found by role and due date.</summary>
internal sealed class EmployeeTaskConfiguration : IEntityTypeConfiguration<EmployeeTask>
{
    public void Configure(EntityTypeBuilder<EmployeeTask> b)
    {
        b.ToTable("hr_employee_tasks");
        b.Property(t => t.Title).HasMaxLength(200);
        b.Ignore(t => t.IsDone);
        b.HasOne<EmployeeEvent>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.CompanyId, t.EventId });
        b.HasIndex(t => new { t.CompanyId, t.DoneAt, t.DueOn });
    }
}

/// <summary><c>hr_checklist_items</c>: the company's checklist lines per kind of event.</summary>
internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.ToTable("hr_checklist_items");
        b.Property(i => i.Title).HasMaxLength(200);
        b.HasIndex(i => new { i.CompanyId, i.Kind, i.SortOrder });
    }
}
