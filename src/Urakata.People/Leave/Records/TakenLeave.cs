using Urakata.Platform.Domain;

namespace Urakata.People.Leave.Records;

/// <summary>
/// One date of leave taken (<c>hr_leave_takings</c>): written when a 休暇申請 is approved (or by HR for 計画的付与 and
/// 時季指定), of any <see cref="LeaveType"/>; the 年次有給休暇 ones are replayed through the <see cref="LeaveLedger"/>.
/// A cancelled taking (休暇の取消: a 休暇取消申請 approved, or HR) is kept with who cancelled it, when and why, and
/// counts nowhere — not in the balance, the 年5日, the 管理簿 or attendance.
/// </summary>
public sealed class TakenLeave : CompanyEntity
{
    private TakenLeave() { }

    public TakenLeave(Guid employeeId, DateOnly date, Guid leaveTypeId, LeaveUnit unit, int hours, LeaveSource source, Guid? requestId, DayHalf? half = null)
    {
        if ((unit == LeaveUnit.Hours) != (hours > 0) || hours < 0 || hours > 8)
        {
            throw new DomainException(PeopleMessages.LeaveHoursInvalid, "hours");
        }
        if (half is not null && unit != LeaveUnit.HalfDay)
        {
            throw new DomainException(PeopleMessages.LeaveUnitInvalid, "unit");
        }
        (EmployeeId, Date, LeaveTypeId, Unit, Hours, Source, RequestId, Half) = (employeeId, date, leaveTypeId, unit, hours, source, requestId, half);
    }

    public Guid EmployeeId { get; private set; }
    public DateOnly Date { get; private set; }
    public Guid LeaveTypeId { get; private set; }
    public LeaveUnit Unit { get; private set; }
    public int Hours { get; private set; }
    public LeaveSource Source { get; private set; }
    /// <summary>The approved 休暇申請 it came from.</summary>
    public Guid? RequestId { get; private set; }
    /// <summary>午前 or 午後 of a half day (null for other units, and for half days recorded before it was kept).</summary>
    public DayHalf? Half { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public Guid? CancelledBy { get; private set; }
    /// <summary>Why: the applicant's reason of the 休暇取消申請 (with its number), or HR's.</summary>
    public string? CancelReason { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public void Cancel(Guid by, DateTime at, string reason)
    {
        if (IsCancelled)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.LeaveAlreadyCancelled, PeopleMessages.Date(Date)), "takingId");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new DomainException(PeopleMessages.LeaveCancelReasonRequired, "reason");
        }
        (CancelledAt, CancelledBy, CancelReason) = (at, by, reason.Trim());
    }

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
