using System.Globalization;
using Urakata.Platform.Kernel;

namespace Urakata.Platform.Components;

/// <summary>How dates, instants and yen appear to Japanese (and English) users; always Japan time.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly string[] JapaneseWeekdays = ["日", "月", "火", "水", "木", "金", "土"];

    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";

    /// <summary>ja: 2026/11/23(月) — en: 2026-11-23 (Mon).</summary>
    public static string Date(DateOnly date) => IsJapanese
        ? date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "(" + JapaneseWeekdays[(int)date.DayOfWeek] + ")"
        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (" + date.ToString("ddd", CultureInfo.InvariantCulture) + ")";

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>An instant in Japan time: ja 2026/11/23 14:05 — en 2026-11-23 14:05.</summary>
    public static string Instant(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo);
        return local.ToString(IsJapanese ? "yyyy/MM/dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string Instant(DateTime? utc) => utc is { } u ? Instant(u) : "";

    public static string Yen(long amount) => MoneyFormatter.Format(Money.Yen(amount), CultureInfo.CurrentCulture);

    /// <summary>
    /// A date as Japanese users type it: 2026-04-01, 2026/04/01, 2026/4/1, also in full-width digits.
    /// Returns null for anything else.
    /// </summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(JapaneseText.Narrow(text ?? ""), DateInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static readonly string[] DateInputFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"];

    public static DateOnly Today(TimeProvider clock) => JapanTime.Today(clock);
}
