using System.Text.Json.Serialization;
using Urakata.People.Employees;
using Urakata.Platform.Domain;

namespace Urakata.People.Events;

/// <summary>人事異動 and the other life events of an employee.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmployeeEventKind>))]
public enum EmployeeEventKind
{
    /// <summary>入社: the hire date of the master; the first post in the org chart.</summary>
    Hire,

    /// <summary>異動: a new department (and position, if given) from the effective date.</summary>
    Transfer,

    /// <summary>昇格・昇進: a new position in the same department.</summary>
    Promotion,

    /// <summary>休職: status 休職中 from the effective date.</summary>
    LeaveOfAbsence,

    /// <summary>復職: back to 在籍 from the effective date.</summary>
    Reinstatement,

    /// <summary>退職: the effective date is the last day of employment (退職日); 退職済 from the next day.</summary>
    Retirement,
}

[JsonConverter(typeof(JsonStringEnumConverter<EmployeeEventState>))]
public enum EmployeeEventState
{
    /// <summary>Recorded for a later date; the daily job applies it on the day.</summary>
    Scheduled,
    Applied,
    Cancelled,
}

/// <summary>
/// One dated life event of an employee (<c>hr_employee_events</c>). Recorded with its checks against the master as it
/// stands; applied on its date (at once when the date has come): the master's department, position, status and
/// 退職日 change through the master's own rules, and the posts of the org chart follow (<see cref="EmployeeEvents"/>).
/// A scheduled event can be cancelled; an applied one is history — a correction is a new event.
/// </summary>
public sealed class EmployeeEvent : CompanyEntity
{
    private EmployeeEvent() { }

    private EmployeeEvent(Guid employeeId, EmployeeEventKind kind, DateOnly effectiveOn, Guid? departmentId, Guid? positionId, string? note, Guid? recordedBy, DateTime recordedAt)
    {
        EmployeeId = employeeId;
        Kind = kind;
        EffectiveOn = effectiveOn;
        DepartmentId = departmentId;
        PositionId = positionId;
        Note = note;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid EmployeeId { get; private set; }
    public EmployeeEventKind Kind { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public Guid? PositionId { get; private set; }
    public string? Note { get; private set; }
    public EmployeeEventState State { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public DateTime? AppliedAt { get; private set; }

    /// <summary>The day the change takes hold: the effective date, or for 退職 the day after the last day.</summary>
    public DateOnly AppliesOn => Kind == EmployeeEventKind.Retirement ? EffectiveOn.AddDays(1) : EffectiveOn;

    /// <summary>
    /// A new event for <paramref name="employee"/>, checked against the record as it stands: 異動 needs a department other
    /// than today's (or another position), 昇格 a position, 休職 an employee at work, 復職 one on leave, nothing on a
    /// retired employee, nothing dated before the hire date.
    /// </summary>
    public static EmployeeEvent Record(Employee employee, EmployeeEventKind kind, DateOnly effectiveOn, Guid? departmentId, Guid? positionId,
        string? note, Guid? recordedBy, DateTime recordedAt)
    {
        ArgumentNullException.ThrowIfNull(employee);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 500 })
        {
            throw new DomainException(PeopleMessages.EventNoteTooLong, "note");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(PeopleMessages.EventKindInvalid, "kind");
        }

        if (employee.Status == EmployeeStatus.Retired)
        {
            throw new DomainException(PeopleMessages.EventEmployeeRetired, "kind");
        }

        if (kind == EmployeeEventKind.Hire)
        {
            // 入社 is the master's hire date: the event carries the checklist and the first post, not a second date.
            effectiveOn = employee.HireDate;
            departmentId ??= employee.DepartmentId;
            positionId ??= employee.PositionId;
        }
        else if (effectiveOn < employee.HireDate)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.EventBeforeHire, PeopleMessages.Date(employee.HireDate)), "effectiveOn");
        }

        switch (kind)
        {
            case EmployeeEventKind.Transfer when departmentId is null:
                throw new DomainException(PeopleMessages.EventDepartmentRequired, "departmentId");
            case EmployeeEventKind.Transfer when departmentId == employee.DepartmentId && (positionId is null || positionId == employee.PositionId):
                throw new DomainException(PeopleMessages.EventTransferSameDepartment, "departmentId");
            case EmployeeEventKind.Promotion when positionId is null:
                throw new DomainException(PeopleMessages.EventPositionRequired, "positionId");
            case EmployeeEventKind.Promotion when positionId == employee.PositionId:
                throw new DomainException(PeopleMessages.EventPromotionSamePosition, "positionId");
            case EmployeeEventKind.LeaveOfAbsence when employee.Status != EmployeeStatus.Active:
                throw new DomainException(PeopleMessages.EventNotAtWork, "kind");
            case EmployeeEventKind.Reinstatement when employee.Status != EmployeeStatus.OnLeave:
                throw new DomainException(PeopleMessages.EventNotOnLeave, "kind");
        }

        var carries = kind is EmployeeEventKind.Hire or EmployeeEventKind.Transfer or EmployeeEventKind.Promotion;
        return new EmployeeEvent(employee.Id, kind, effectiveOn, carries ? departmentId : null, carries ? positionId : null, note, recordedBy, recordedAt);
    }

    /// <summary>
    /// Makes the change on the master (the master's rules apply: a retirement date before the hire date is refused there).
    /// Checked again here: the record may have changed since the event was recorded (a 復職 scheduled for an employee
    /// whose 休職 was cancelled is refused, and stays scheduled for HR to cancel).
    /// </summary>
    public void ApplyTo(Employee employee, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(employee);
        if (State != EmployeeEventState.Scheduled || employee.Id != EmployeeId)
        {
            throw new ConflictException(PeopleMessages.EventNotScheduled);
        }

        var d = employee.CurrentDetails();
        d = Kind switch
        {
            EmployeeEventKind.Hire => d with { DepartmentId = DepartmentId ?? d.DepartmentId, PositionId = PositionId ?? d.PositionId },
            EmployeeEventKind.Transfer => d with { DepartmentId = DepartmentId, PositionId = PositionId ?? d.PositionId },
            EmployeeEventKind.Promotion => d with { PositionId = PositionId },
            EmployeeEventKind.LeaveOfAbsence when d.Status == EmployeeStatus.Active => d with { Status = EmployeeStatus.OnLeave },
            EmployeeEventKind.Reinstatement when d.Status == EmployeeStatus.OnLeave => d with { Status = EmployeeStatus.Active },
            EmployeeEventKind.Retirement when d.Status != EmployeeStatus.Retired => d with { Status = EmployeeStatus.Retired, RetirementDate = EffectiveOn },
            _ => throw new ConflictException(PeopleMessages.Format(PeopleMessages.EventNoLongerFits, PeopleMessages.Date(EffectiveOn))),
        };
        employee.Update(d);
        State = EmployeeEventState.Applied;
        AppliedAt = now;
    }

    public void Cancel()
    {
        if (State != EmployeeEventState.Scheduled)
        {
            throw new ConflictException(PeopleMessages.EventNotScheduled);
        }

        State = EmployeeEventState.Cancelled;
    }
}
