using System.Text.Json.Serialization;
using Urakata.Platform.Domain;

namespace Urakata.People.Leave;

/// <summary>Where the first grant falls when a company grants on a uniform date.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FirstGrantTiming>))]
public enum FirstGrantTiming
{
    /// <summary>
    /// On the last uniform date on or before the statutory first grant, if it is not before the hire date (a hire on
    /// the uniform date itself is granted that day); otherwise at the statutory date.
    /// </summary>
    UniformDate,

    /// <summary>At the statutory date (hire + 6 months); from the second grant on, the uniform date.</summary>
    Statutory,
}

/// <summary>
/// 基準日 for 斉一的取扱い (UniformGrantDate): the company grants everyone on one date a year (e.g. April 1) instead of
/// each hire's own anniversary (reference §6.3). February 29 cannot be a yearly date.
/// </summary>
public sealed record UniformGrantDate
{
    public UniformGrantDate(int month, int day, FirstGrantTiming firstGrant = FirstGrantTiming.UniformDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, month == 2 ? 28 : DateTime.DaysInMonth(2001, month));
        Month = month;
        Day = day;
        FirstGrant = firstGrant;
    }

    public int Month { get; }

    public int Day { get; }

    public FirstGrantTiming FirstGrant { get; }

    /// <summary>The last uniform date on or before <paramref name="date"/>.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        var sameYear = new DateOnly(date.Year, Month, Day);
        return sameYear <= date ? sameYear : sameYear.AddYears(-1);
    }

    /// <summary>The first uniform date strictly after <paramref name="date"/>.</summary>
    public DateOnly After(DateOnly date) => OnOrBefore(date).AddYears(1);
}

/// <summary>
/// One grant in an employee's schedule. Its 8割 period runs from <see cref="AttendanceFrom"/> to the day before
/// <see cref="GrantDate"/> (empty when a hire is granted on the hire date); when granting early cut that period
/// short, the cut-off part — <see cref="GrantDate"/> through <see cref="DeemedAttendedThrough"/> — counts as attended
/// (<see cref="AttendanceRateInput.DeemedAttendedDays"/>).
/// </summary>
public sealed record ScheduledGrant(int Number, DateOnly GrantDate, DateOnly StatutoryDate, DateOnly AttendanceFrom, DateOnly? DeemedAttendedThrough)
{
    /// <summary>Granted before the statutory date (前倒し付与).</summary>
    public bool IsAdvanced => GrantDate < StatutoryDate;
}

/// <summary>When an employee's grants fall: by statute from the hire date, or on a uniform date (reference §6.1, §6.3).</summary>
public static class GrantSchedule
{
    /// <summary>
    /// 労基法39条1–2項: after 6 months of continuous service, then every year after that. Counted from the hire date
    /// each time (Feb 29 does not drift); a month-end hire lands on the target month's last day, never later than
    /// 民法143条's reckoning, so the date is never late.
    /// </summary>
    public static DateOnly StatutoryDate(DateOnly hireDate, int grantNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grantNumber, 1);
        return hireDate.AddMonths(6 + (12 * (grantNumber - 1)));
    }

    /// <summary>Every grant from the first up to and including <paramref name="through"/>.</summary>
    public static IReadOnlyList<ScheduledGrant> For(DateOnly hireDate, DateOnly through, UniformGrantDate? uniform = null)
    {
        var grants = new List<ScheduledGrant>();
        var periodStart = hireDate;
        var periodMonths = 6;
        for (var number = 1; ; number++)
        {
            var statutory = StatutoryDate(hireDate, number);
            var grantDate = uniform is null ? statutory : UniformGrant(uniform, hireDate, number, statutory, periodStart);

            // 通達 平6.1.4 基発1号 (reference §6.3): a uniform date may move a grant earlier, never later.
            if (grantDate > statutory)
            {
                grantDate = statutory;
            }

            if (grantDate > through)
            {
                return grants;
            }

            // The 8割 period is 6 months (first grant) or a year; what granting early cut off counts as attended.
            var fullPeriodEnd = periodStart.AddMonths(periodMonths);
            DateOnly? deemedThrough = grantDate < fullPeriodEnd ? fullPeriodEnd.AddDays(-1) : null;
            grants.Add(new ScheduledGrant(number, grantDate, statutory, periodStart, deemedThrough));
            periodStart = grantDate;
            periodMonths = 12;
        }
    }

    /// <summary>
    /// Refuses a grant date later than the statutory one (a uniform date set after some hires' anniversaries, or a
    /// date typed by hand): 通達 平6.1.4 基発1号 allows only earlier.
    /// </summary>
    public static void EnsureNotLaterThanStatutory(DateOnly hireDate, int grantNumber, DateOnly grantDate)
    {
        var statutory = StatutoryDate(hireDate, grantNumber);
        if (grantDate > statutory)
        {
            throw new DomainException(
                PeopleMessages.Format(PeopleMessages.GrantLaterThanStatutory, PeopleMessages.Date(grantDate), PeopleMessages.Date(statutory)),
                "grantDate");
        }
    }

    private static DateOnly UniformGrant(UniformGrantDate uniform, DateOnly hireDate, int number, DateOnly statutory, DateOnly previousGrant)
    {
        if (number > 1)
        {
            return uniform.After(previousGrant);
        }

        if (uniform.FirstGrant == FirstGrantTiming.Statutory)
        {
            return statutory;
        }

        var onOrBefore = uniform.OnOrBefore(statutory);
        return onOrBefore >= hireDate ? onOrBefore : statutory;
    }
}
