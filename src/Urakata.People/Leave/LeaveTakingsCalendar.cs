using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;

namespace Urakata.People.Leave;

/// <summary>Attendance's view of leave: the recorded takings (approved 休暇申請, 計画的付与, 時季指定) with their type.</summary>
internal sealed class LeaveTakingsCalendar(UrakataDbContext db) : ILeaveCalendar
{
    public async Task<IReadOnlyList<LeaveOnDate>> TakenAsync(IReadOnlyCollection<Guid> employeeIds, DateOnly from, DateOnly toInclusive, CancellationToken ct = default)
    {
        var (first, last) = (from, toInclusive);
        var result = new List<LeaveOnDate>();
        foreach (var chunk in employeeIds.Distinct().Chunk(500))
        {
            var rows = await (from t in db.Set<TakenLeave>().AsNoTracking()
                              join type in db.Set<LeaveType>().AsNoTracking() on t.LeaveTypeId equals type.Id
                              where chunk.Contains(t.EmployeeId) && t.Date >= first && t.Date <= last && t.CancelledAt == null
                              orderby t.Date
                              select new { t.EmployeeId, t.Date, type.Code, type.Name, type.Paid, t.Unit, t.Hours, t.Half }).ToListAsync(ct);
            result.AddRange(rows.Select(r => new LeaveOnDate(r.EmployeeId, r.Date, r.Code, r.Name, r.Paid,
                r.Unit switch { LeaveUnit.FullDay => 1m, LeaveUnit.HalfDay => 0.5m, _ => 0m }, r.Hours, r.Half)));
        }
        return result;
    }
}
