using Urakata.Platform.Domain;

namespace Urakata.People.Attendance;

/// <summary>
/// One employee's closed month (<c>hr_attendance_month_totals</c>), the figures payroll reads: written by the 勤怠締め
/// (<see cref="AttendanceClose"/>), removed by reopening it. While the row exists the employee's month is locked: no clock
/// and no 打刻修正 for a date in it.
/// </summary>
public sealed class AttendanceMonthTotals : CompanyEntity
{
    private AttendanceMonthTotals() { }

    public Guid CloseId { get; private set; }
    public Guid EmployeeId { get; private set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }
    /// <summary>所定労働日数: the work rule's work days of the month while employed.</summary>
    public int ScheduledWorkDays { get; private set; }
    public int DaysWorked { get; private set; }
    /// <summary>欠勤日数: scheduled work days with no work record and no full-day leave.</summary>
    public int AbsenceDays { get; private set; }
    public decimal PaidLeaveDays { get; private set; }
    public decimal UnpaidLeaveDays { get; private set; }
    /// <summary>Hours of hour-unit leave (時間単位年休) taken in the month.</summary>
    public int LeaveHours { get; private set; }
    public int WorkedMinutes { get; private set; }
    public int WithinScheduledMinutes { get; private set; }
    public int NonStatutoryOvertimeMinutes { get; private set; }
    /// <summary>法定外残業, the 40-hour week's included (<see cref="WeeklyOvertimeMinutes"/>).</summary>
    public int StatutoryOvertimeMinutes { get; private set; }
    public int WeeklyOvertimeMinutes { get; private set; }
    /// <summary>The part of <see cref="StatutoryOvertimeMinutes"/> beyond 60 hours (37条1項 但書: 50%).</summary>
    public int StatutoryOvertimeOver60Minutes { get; private set; }
    public int NightMinutes { get; private set; }
    public int StatutoryRestDayWorkMinutes { get; private set; }
    /// <summary>遅刻・早退 time on days worked (scheduled time not worked); absent days are in <see cref="AbsenceDays"/>.</summary>
    public int ShortfallMinutes { get; private set; }

    /// <summary>
    /// The month's totals from its 勤務表 and the approved leave: days are counted only while employed (入社日〜退職日);
    /// a work day is 欠勤 when nothing was worked and no leave covers the whole day (a half day of leave with no work is
    /// still 欠勤 for the other half — payroll reads the leave days beside it).
    /// </summary>
    public static AttendanceMonthTotals From(Guid closeId, TimesheetDto sheet, DateOnly hired, DateOnly? retired, IReadOnlyList<LeaveOnDate> leave)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(leave);
        var employed = sheet.Days.Where(d => d.Date >= hired && (retired is null || d.Date <= retired)).ToList();
        var workDays = employed.Where(d => d.Kind == DayKind.WorkDay).ToList();
        var leaveDays = leave.Where(l => l.EmployeeId == sheet.EmployeeId).GroupBy(l => l.Date).ToDictionary(g => g.Key, g => g.Sum(l => l.Days));
        var t = sheet.Totals;
        return new AttendanceMonthTotals
        {
            CloseId = closeId,
            EmployeeId = sheet.EmployeeId,
            Month = sheet.Days[0].Date,
            ScheduledWorkDays = workDays.Count,
            DaysWorked = t.DaysWorked,
            AbsenceDays = workDays.Count(d => d.WorkedMinutes == 0 && leaveDays.GetValueOrDefault(d.Date) < 1m),
            PaidLeaveDays = leave.Where(l => l.EmployeeId == sheet.EmployeeId && l.Paid).Sum(l => l.Days),
            UnpaidLeaveDays = leave.Where(l => l.EmployeeId == sheet.EmployeeId && !l.Paid).Sum(l => l.Days),
            LeaveHours = leave.Where(l => l.EmployeeId == sheet.EmployeeId).Sum(l => l.Hours),
            WorkedMinutes = t.WorkedMinutes,
            WithinScheduledMinutes = t.WithinScheduledMinutes,
            NonStatutoryOvertimeMinutes = t.NonStatutoryOvertimeMinutes,
            StatutoryOvertimeMinutes = t.StatutoryOvertimeMinutes,
            WeeklyOvertimeMinutes = sheet.Days.Sum(d => d.WeeklyOvertimeMinutes),
            StatutoryOvertimeOver60Minutes = t.StatutoryOvertimeOver60Minutes,
            NightMinutes = t.NightMinutes,
            StatutoryRestDayWorkMinutes = t.StatutoryRestDayWorkMinutes,
            ShortfallMinutes = t.ShortfallMinutes,
        };
    }
}
