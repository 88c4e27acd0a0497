using System.Globalization;

namespace Urakata.Accounting.Journal;

/// <summary>A page boundary in date order: the date and two numbers that break ties ("2026-05-10.12.3"). Opaque to clients.</summary>
internal readonly record struct KeysetCursor(DateOnly Date, long First, long Second)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd}.{First}.{Second}");

    public static KeysetCursor? Parse(string? cursor)
    {
        var parts = cursor?.Split('.');
        return parts is { Length: 3 }
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            ? new KeysetCursor(date, first, second) : null;
    }
}
