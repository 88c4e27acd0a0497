namespace Urakata.Platform.Kernel;

/// <summary>
/// Business dates are Japan dates: "today", the date of an instant, and where a date starts — one place for the
/// Asia/Tokyo conversions every module needs (instants are stored in UTC).
/// </summary>
public static class JapanTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The Japan date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));

    /// <summary>The UTC instant at which <paramref name="date"/> begins in Japan (for date-range filters on UTC columns).</summary>
    public static DateTime StartUtc(DateOnly date) => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), Zone);
}
