using System.Globalization;

namespace Urakata.People.Leave;

/// <summary>
/// An amount of paid leave in minutes of an employee's leave day (<see cref="HoursPerDay"/> hours, 39条4項: the
/// scheduled daily hours rounded up). Minutes keep days, half days and hours exact whatever the day's length: a half
/// day of a 7-hour day is 210 minutes.
/// </summary>
public readonly record struct LeaveAmount(int Minutes, int HoursPerDay)
{
    public int MinutesPerDay => HoursPerDay * 60;

    public int WholeDays => Minutes / MinutesPerDay;

    /// <summary>What is left after the whole days, in hours (a half day of a 7-hour day is 3.5).</summary>
    public decimal RemainderHours => Minutes % MinutesPerDay / 60m;

    /// <summary>Days as a number when the amount is whole or half days (9.5), else null: hours do not make exact days.</summary>
    public decimal? Days => (Minutes * 2) % MinutesPerDay == 0 ? (decimal)(Minutes * 2 / MinutesPerDay) / 2 : null;

    public static LeaveAmount FromDays(decimal days, int hoursPerDay) =>
        new(decimal.ToInt32(days * hoursPerDay * 60), hoursPerDay);

    /// <summary>As people read it in the current language: 「9.5日」, 「9日5時間」.</summary>
    public string Display() => Days is { } days
        ? PeopleMessages.Format(PeopleMessages.AmountDays, days.ToString("0.#", CultureInfo.CurrentCulture))
        : PeopleMessages.Format(PeopleMessages.AmountDaysHours, WholeDays, RemainderHours.ToString("0.#", CultureInfo.CurrentCulture));

    /// <summary>Culture-independent form for logs ("9d 300min").</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WholeDays}d {Minutes % MinutesPerDay}min");
}
