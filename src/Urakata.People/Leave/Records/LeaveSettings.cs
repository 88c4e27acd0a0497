using Urakata.Platform.Domain;

namespace Urakata.People.Leave.Records;

/// <summary>
/// The company's paid-leave rules (<c>hr_leave_settings</c>, one row, made on first use): a uniform grant date (基準日,
/// 斉一的取扱い) or each hire's own anniversary, and the hourly leave of the 労使協定 (0 = no agreement, no hourly leave).
/// </summary>
public sealed class LeaveSettings : CompanyEntity
{
    public int? UniformMonth { get; private set; }
    public int? UniformDay { get; private set; }
    public FirstGrantTiming FirstGrant { get; private set; }
    /// <summary>39条4項: days' worth of hourly leave a year, 0–5; needs a 労使協定, so none until the company says so.</summary>
    public int HourlyLeaveDaysPerYear { get; private set; }

    public UniformGrantDate? Uniform => UniformMonth is { } m && UniformDay is { } d ? new UniformGrantDate(m, d, FirstGrant) : null;

    public void Change(int? uniformMonth, int? uniformDay, FirstGrantTiming firstGrant, int hourlyLeaveDaysPerYear)
    {
        if (hourlyLeaveDaysPerYear is < 0 or > LeaveLedger.StatutoryHourlyLeaveDays)
        {
            throw new DomainException(PeopleMessages.HourlyLeaveDaysInvalid, "hourlyLeaveDaysPerYear");
        }
        if (uniformMonth is null != uniformDay is null
            || (uniformMonth is { } m && uniformDay is { } d && (m is < 1 or > 12 || d < 1 || d > (m == 2 ? 28 : DateTime.DaysInMonth(2001, m)))))
        {
            throw new DomainException(PeopleMessages.UniformGrantDateInvalid, "uniformMonth");
        }
        (UniformMonth, UniformDay, FirstGrant, HourlyLeaveDaysPerYear) = (uniformMonth, uniformDay, firstGrant, hourlyLeaveDaysPerYear);
    }
}

/// <summary>
/// A 年5日 reminder sent (<c>hr_leave_five_day_alerts</c>): one per employee and duty, so the daily job tells HR and the
/// manager once.
/// </summary>
public sealed class FiveDayAlert : CompanyEntity
{
    private FiveDayAlert() { }

    public FiveDayAlert(Guid employeeId, DateOnly dutyFrom, DateOnly deadline, DateTime sentAt) =>
        (EmployeeId, DutyFrom, Deadline, SentAt) = (employeeId, dutyFrom, deadline, sentAt);

    public Guid EmployeeId { get; private set; }
    public DateOnly DutyFrom { get; private set; }
    public DateOnly Deadline { get; private set; }
    public DateTime SentAt { get; private set; }
}
