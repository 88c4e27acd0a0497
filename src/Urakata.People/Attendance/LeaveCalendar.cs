namespace Urakata.People.Attendance;

/// <summary>Leave taken on one date, as attendance reads it (the timesheet, 欠勤 counting, the monthly close).</summary>
/// <param name="TypeCode">The leave type (<c>paid</c> for 年次有給休暇, else the company's code).</param>
/// <param name="Paid">Whether the day is paid (有給) — payroll deducts unpaid leave like an absence.</param>
/// <param name="Days">Days of the date the leave covers: 1, 0.5; 0 for hour-unit leave.</param>
/// <param name="Hours">Hours of hour-unit leave (時間単位年休), else 0.</param>
public sealed record LeaveOnDate(Guid EmployeeId, DateOnly Date, string TypeCode, string TypeName, bool Paid, decimal Days, int Hours, Leave.DayHalf? Half = null);

/// <summary>
/// The approved leave of employees over a date range. Attendance depends on this seam, not on the leave tables, so the
/// close and the timesheet read leave the way the leave module records it.
/// </summary>
public interface ILeaveCalendar
{
    Task<IReadOnlyList<LeaveOnDate>> TakenAsync(IReadOnlyCollection<Guid> employeeIds, DateOnly from, DateOnly toInclusive, CancellationToken ct = default);
}
