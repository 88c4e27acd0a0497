using Urakata.Platform.Domain;

namespace Urakata.People.Leave.Records;

/// <summary>
/// One date of leave taken (<c>hr_leave_takings</c>): written when a 休暇申請 is approved (or by HR for 計画的付与 and
/// 時季指定), of any <see cref="LeaveType"/>; the 年次有給休暇 ones are replayed through the <see cref="LeaveLedger"/>.
/// </summary>
public sealed class TakenLeave : CompanyEntity
{
    private TakenLeave() { }

    public TakenLeave(Guid employeeId, DateOnly date, Guid leaveTypeId, LeaveUnit unit, int hours, LeaveSource source, Guid? requestId)
    {
        if ((unit == LeaveUnit.Hours) != (hours > 0) || hours < 0 || hours > 8)
        {
            throw new DomainException(PeopleMessages.LeaveHoursInvalid, "hours");
        }
        (EmployeeId, Date, LeaveTypeId, Unit, Hours, Source, RequestId) = (employeeId, date, leaveTypeId, unit, hours, source, requestId);
    }

    public Guid EmployeeId { get; private set; }
    public DateOnly Date { get; private set; }
    public Guid LeaveTypeId { get; private set; }
    public LeaveUnit Unit { get; private set; }
    public int Hours { get; private set; }
    public LeaveSource Source { get; private set; }
    /// <summary>The approved 休暇申請 it came from.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>Days of the date it covers: 1, 0.5, or 0 for hourly leave.</summary>
    public decimal Days => Unit switch
    {
        LeaveUnit.FullDay => 1m,
        LeaveUnit.HalfDay => 0.5m,
        LeaveUnit.Hours => 0m,
        _ => throw new InvalidOperationException($"Unknown leave unit {Unit}."),
    };

    public LeaveTaking ToLedger() => new(Date, Unit, Hours, Source);
}
