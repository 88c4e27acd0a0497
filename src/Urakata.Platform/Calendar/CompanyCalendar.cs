using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Kernel;

namespace Urakata.Platform;

public sealed record DayOffDto(Guid? Id, DateOnly Date, string Name, string Kind);
public sealed record SaveCompanyHoliday(DateOnly Date, string Name);

/// <summary>The current company's business calendar: national holidays by rule plus its own days off.</summary>
public sealed class CompanyCalendar(UrakataDbContext db, Security.PermissionService permissions)
{
    public async Task<List<DayOffDto>> DaysOffAsync(int year, CancellationToken ct = default)
    {
        if (year is < JapaneseHolidays.MinYear or > JapaneseHolidays.MaxYear)
        {
            throw new NotFoundException("Year");
        }
        var national = JapaneseHolidays.ForYear(year).Select(h => new DayOffDto(null, h.Date, h.NameJa, h.Kind.ToString()));
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var own = await db.CompanyHolidays.AsNoTracking().Where(h => h.Date >= start && h.Date <= end)
            .Select(h => new DayOffDto(h.Id, h.Date, h.Name, "Company")).ToListAsync(ct);
        return national.Concat(own).OrderBy(d => d.Date).ToList();
    }

    /// <summary>A calendar for business-day arithmetic (due dates, escalations) over the given years.</summary>
    public async Task<BusinessCalendar> ForYearsAsync(int fromYear, int toYear, CancellationToken ct = default)
    {
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear, 12, 31);
        var own = await db.CompanyHolidays.AsNoTracking().Where(h => h.Date >= start && h.Date <= end).Select(h => h.Date).ToListAsync(ct);
        return new BusinessCalendar(own);
    }

    public async Task<DayOffDto> AddHolidayAsync(SaveCompanyHoliday cmd, CancellationToken ct = default)
    {
        await permissions.RequireAsync(Security.PlatformPermissions.CalendarManage, ct);
        if (await db.CompanyHolidays.AnyAsync(h => h.Date == cmd.Date, ct))
        {
            throw new DomainException(Messages.Format(Messages.HolidayExists, cmd.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), nameof(cmd.Date));
        }
        var holiday = new CompanyHoliday(db.CurrentUser.RequireCompany(), cmd.Date, cmd.Name);
        db.CompanyHolidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return new DayOffDto(holiday.Id, holiday.Date, holiday.Name, "Company");
    }

    public async Task RemoveHolidayAsync(Guid id, CancellationToken ct = default)
    {
        await permissions.RequireAsync(Security.PlatformPermissions.CalendarManage, ct);
        var holiday = await db.CompanyHolidays.FindOrThrowAsync(id, ct);
        db.CompanyHolidays.Remove(holiday);
        await db.SaveChangesAsync(ct);
    }
}
