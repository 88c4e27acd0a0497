using System.Globalization;

namespace Urakata.Platform.Kernel;

/// <summary>
/// A company's working days: not Sunday, not Saturday unless the company works Saturdays, not a
/// national holiday, not a company holiday; an explicit company working day overrides all of those.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _companyHolidays;
    private readonly HashSet<DateOnly> _companyWorkingDays;
    private readonly bool _closedOnSaturday;

    public BusinessCalendar(
        IEnumerable<DateOnly>? companyHolidays = null,
        IEnumerable<DateOnly>? companyWorkingDays = null,
        bool closedOnSaturday = true)
    {
        _companyHolidays = [.. companyHolidays ?? []];
        _companyWorkingDays = [.. companyWorkingDays ?? []];
        _closedOnSaturday = closedOnSaturday;

        var conflicts = _companyHolidays.Intersect(_companyWorkingDays).Order().ToList();
        if (conflicts.Count > 0)
        {
            throw new ArgumentException(
                $"A day cannot be both a company holiday and a company working day: {string.Join(", ", conflicts.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}.",
                nameof(companyWorkingDays));
        }
    }

    public bool IsBusinessDay(DateOnly date)
    {
        if (_companyWorkingDays.Contains(date))
        {
            return true;
        }

        return !_companyHolidays.Contains(date)
            && date.DayOfWeek != DayOfWeek.Sunday
            && !(_closedOnSaturday && date.DayOfWeek == DayOfWeek.Saturday)
            && !JapaneseHolidays.IsHoliday(date);
    }

    /// <summary>
    /// 銀行法施行令5条: banks close on Saturdays, Sundays, 祝日法 holidays and Dec 31 – Jan 3. The
    /// company's own calendar plays no part, so this is static.
    /// </summary>
    public static bool IsBankBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !(date is { Month: 12, Day: 31 } or { Month: 1, Day: <= 3 })
        && !JapaneseHolidays.IsHoliday(date);

    /// <summary>First bank business day on or after (or strictly after) <paramref name="date"/>: 振込指定日 rolled forward.</summary>
    public static DateOnly NextBankBusinessDay(DateOnly date, bool includeSelf = false) =>
        Step(date, includeSelf, 1, IsBankBusinessDay);

    /// <summary>Last bank business day on or before (or strictly before) <paramref name="date"/>: 振込指定日 rolled back.</summary>
    public static DateOnly PreviousBankBusinessDay(DateOnly date, bool includeSelf = false) =>
        Step(date, includeSelf, -1, IsBankBusinessDay);

    public DateOnly NextBusinessDay(DateOnly date, bool includeSelf = false) =>
        Step(date, includeSelf, 1, IsBusinessDay);

    public DateOnly PreviousBusinessDay(DateOnly date, bool includeSelf = false) =>
        Step(date, includeSelf, -1, IsBusinessDay);

    /// <summary>
    /// Moves <paramref name="days"/> business days forward (or back when negative), skipping
    /// non-business days. With 0 it returns the date itself if it is a business day, else the next one.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly date, int days)
    {
        if (days == 0)
        {
            return NextBusinessDay(date, includeSelf: true);
        }

        var direction = Math.Sign(days);
        var current = date;
        for (var remaining = Math.Abs(days); remaining > 0; remaining--)
        {
            current = Step(current, includeSelf: false, direction, IsBusinessDay);
        }

        return current;
    }

    public int CountBusinessDays(DateOnly fromInclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromInclusive)
        {
            throw new ArgumentOutOfRangeException(
                nameof(toInclusive),
                toInclusive,
                "The end of the range must not be before its start.");
        }

        var count = 0;
        for (var day = fromInclusive; day <= toInclusive; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static DateOnly Step(DateOnly date, bool includeSelf, int direction, Func<DateOnly, bool> isOpen)
    {
        var current = includeSelf ? date : date.AddDays(direction);
        while (!isOpen(current))
        {
            current = current.AddDays(direction);
        }

        return current;
    }
}
