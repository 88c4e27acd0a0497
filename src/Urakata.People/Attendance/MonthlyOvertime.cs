namespace Urakata.People.Attendance;

/// <summary>
/// A month's totals in minutes. <see cref="StatutoryOvertimeOver60Minutes"/> is the part of
/// <see cref="StatutoryOvertimeMinutes"/> beyond 60 hours (paid at 50%, 37条1項 但書); 法定休日労働 is not in the count.
/// </summary>
public sealed record MonthlyHours(
    int DaysWorked,
    int WorkedMinutes,
    int WithinScheduledMinutes,
    int NonStatutoryOvertimeMinutes,
    int StatutoryOvertimeMinutes,
    int StatutoryOvertimeOver60Minutes,
    int NightMinutes,
    int StatutoryRestDayWorkMinutes,
    int ShortfallMinutes)
{
    public int StatutoryOvertimeUpTo60Minutes => StatutoryOvertimeMinutes - StatutoryOvertimeOver60Minutes;
}

/// <summary>The month of an attendance close (勤怠締め): totals of days already through <see cref="WeeklyOvertime"/>.</summary>
public static class MonthlyOvertime
{
    public static MonthlyHours Summarize(IEnumerable<DailyHours> days, LabourStandards? standards = null)
    {
        standards ??= LabourStandards.Statutory;
        var list = days.ToList();
        var overtime = list.Sum(d => d.StatutoryOvertimeMinutes);
        return new MonthlyHours(
            DaysWorked: list.Count(d => d.WorkedMinutes > 0),
            WorkedMinutes: list.Sum(d => d.WorkedMinutes),
            WithinScheduledMinutes: list.Sum(d => d.WithinScheduledMinutes),
            NonStatutoryOvertimeMinutes: list.Sum(d => d.NonStatutoryOvertimeMinutes),
            StatutoryOvertimeMinutes: overtime,
            StatutoryOvertimeOver60Minutes: Math.Max(0, overtime - standards.MonthlyOvertimeThresholdMinutes),
            NightMinutes: list.Sum(d => d.NightMinutes),
            StatutoryRestDayWorkMinutes: list.Sum(d => d.StatutoryRestDayWorkMinutes),
            ShortfallMinutes: list.Sum(d => d.ShortfallMinutes));
    }
}
