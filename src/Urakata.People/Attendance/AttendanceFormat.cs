using System.Globalization;

namespace Urakata.People.Attendance;

/// <summary>Minutes as the 勤務表 shows them: h:mm (whole minutes, no rounding — reference §5.1).</summary>
public static class AttendanceFormat
{
    public static string Hours(int minutes) =>
        minutes == 0 ? "0:00" : string.Create(CultureInfo.InvariantCulture, $"{(minutes < 0 ? "-" : "")}{Math.Abs(minutes) / 60}:{Math.Abs(minutes) % 60:00}");

    public static string Time(DateTimeOffset? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "--:--";
}
