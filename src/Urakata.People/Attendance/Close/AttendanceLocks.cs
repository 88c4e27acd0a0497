using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;

namespace Urakata.People.Attendance;

/// <summary>Whether an employee's month is closed (勤怠締め): their <see cref="AttendanceMonthTotals"/> row exists.</summary>
internal static class AttendanceLocks
{
    public static async Task<bool> IsClosedAsync(UrakataDbContext db, Guid employeeId, DateOnly date, CancellationToken ct)
    {
        var month = new DateOnly(date.Year, date.Month, 1);
        return await db.Set<AttendanceMonthTotals>().AnyAsync(t => t.EmployeeId == employeeId && t.Month == month, ct);
    }

    public static string MonthText(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
