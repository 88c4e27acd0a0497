using System.Globalization;

namespace Urakata.Tests.People;

/// <summary>Short forms for dates and clock times in the People rule tests.</summary>
internal static class PeopleTestData
{
    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Japan local clock time: "2026-06-10 09:00".</summary>
    public static DateTime At(string time) =>
        DateTime.SpecifyKind(DateTime.ParseExact(time, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Unspecified);

    public static int Hours(double hours) => (int)Math.Round(hours * 60);

    /// <summary>Runs <paramref name="action"/> with the given UI and formatting culture, as a user in that language sees it.</summary>
    public static T InCulture<T>(string culture, Func<T> action)
    {
        var (savedUi, saved) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (savedUi, saved);
        }
    }
}
