using System.Globalization;
using System.Resources;

namespace Urakata.People;

/// <summary>Messages of the People module (<c>Resources/PeopleMessages.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public static class PeopleMessages
{
    private static readonly ResourceManager Resources = new("Urakata.People.PeopleMessages", typeof(PeopleMessages).Assembly);

    public static string AmountDays => Get(nameof(AmountDays));
    public static string AmountDaysHours => Get(nameof(AmountDaysHours));
    public static string BreakOutsideWork => Get(nameof(BreakOutsideWork));
    public static string ClockEndBeforeStart => Get(nameof(ClockEndBeforeStart));
    public static string ClockOverlap => Get(nameof(ClockOverlap));
    public static string DayAlreadyTaken => Get(nameof(DayAlreadyTaken));
    public static string GrantLaterThanStatutory => Get(nameof(GrantLaterThanStatutory));
    public static string HourlyLeaveCap => Get(nameof(HourlyLeaveCap));
    public static string HourlyLeaveNotAllowed => Get(nameof(HourlyLeaveNotAllowed));
    public static string InsufficientBalance => Get(nameof(InsufficientBalance));
    public static string WorkDayTooLong => Get(nameof(WorkDayTooLong));
    public static string WorkStartsOffDate => Get(nameof(WorkStartsOffDate));

    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);

    /// <summary>A date as messages show it (2026/04/01), whatever the reader's culture.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>A clock time as messages show it (2026/04/01 18:30).</summary>
    public static string Time(DateTime time) => time.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
