using Urakata.Platform.Domain;

namespace Urakata.People.Events;

/// <summary>
/// One task of a life event's checklist (<c>hr_employee_tasks</c>): what to do, for which role, by when. Copied from the
/// company's <see cref="ChecklistItem"/>s when the event is recorded, so later edits of the checklist leave recorded
/// events as they were. No role: 人事 (the holders of <see cref="PeoplePermissions.EmployeesManage"/>).
/// </summary>
public sealed class EmployeeTask : CompanyEntity
{
    private EmployeeTask() { }

    internal EmployeeTask(Guid eventId, Guid employeeId, string title, Guid? roleId, DateOnly dueOn, int sortOrder)
    {
        EventId = eventId;
        EmployeeId = employeeId;
        Title = title;
        RoleId = roleId;
        DueOn = dueOn;
        SortOrder = sortOrder;
    }

    public Guid EventId { get; private set; }
    public Guid EmployeeId { get; private set; }
    public string Title { get; private set; } = "";
    public Guid? RoleId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public int SortOrder { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public Guid? DoneBy { get; private set; }

    public bool IsDone => DoneAt is not null;

    public void Complete(Guid userId, DateTime now)
    {
        if (IsDone)
        {
            throw new ConflictException(PeopleMessages.TaskAlreadyDone);
        }

        DoneAt = now;
        DoneBy = userId;
    }

    /// <summary>Undoes a completion ticked by mistake.</summary>
    public void Reopen()
    {
        DoneAt = null;
        DoneBy = null;
    }
}
