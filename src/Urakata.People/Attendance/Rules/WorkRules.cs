using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Security;

namespace Urakata.People.Attendance;

/// <summary>A work rule as the 勤務形態 page and the API write it; <see cref="Version"/> makes an update conditional.</summary>
public sealed record WorkRuleInput(
    string? Name, TimeOnly StartTime, TimeOnly EndTime, int BreakMinutes,
    DayOfWeek WeekStart = DayOfWeek.Sunday, DayOfWeek StatutoryRestDay = DayOfWeek.Sunday, IReadOnlyList<DayOfWeek>? ScheduledRestDays = null,
    bool HolidaysOff = true, WorkingTimeSystem TimeSystem = WorkingTimeSystem.Standard,
    int FlexMonths = 1, int FlexStartMonth = 1, int? FlexTotalMinutes = null, int? FlexDailyMinutes = null,
    TimeOnly? CoreStart = null, TimeOnly? CoreEnd = null, int VariableStartDay = 1, bool IsDefault = false, int? Version = null);

/// <summary>
/// 勤務形態 (work rules) of the company: list with how many employees use each, create and change
/// (<see cref="PeoplePermissions.AttendanceRules"/>). Exactly one is the default: making another the default moves it there;
/// the default cannot be unmade by itself. Another company's rule is not found (the company filter).
/// </summary>
public sealed class WorkRules(UrakataDbContext db, PermissionService permissions, Timesheets timesheets)
{
    public async Task<List<WorkRuleDto>> ListAsync(CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.AttendanceRules, ct);
        var fallback = await timesheets.DefaultRuleAsync(ct);
        var rules = await db.Set<WorkRule>().AsNoTracking().OrderByDescending(r => r.IsDefault).ThenBy(r => r.Name).ToListAsync(ct);
        var counts = await db.Set<Employee>().AsNoTracking().Where(e => e.Status != EmployeeStatus.Retired)
            .GroupBy(e => e.WorkRuleId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. rules.Select(r => ToDto(r) with
        {
            Employees = counts.Where(c => c.Key == r.Id || (c.Key == null && r.Id == fallback.Id)).Sum(c => c.Count)
                + (r.Id == fallback.Id ? counts.Where(c => c.Key is { } k && !rules.Exists(x => x.Id == k)).Sum(c => c.Count) : 0),
        })];
    }

    public async Task<WorkRuleDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.AttendanceRules, ct);
        return (await ListAsync(ct)).SingleOrDefault(r => r.Id == id) ?? throw new NotFoundException(nameof(WorkRule));
    }

    public async Task<WorkRuleDto> CreateAsync(WorkRuleInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await permissions.RequireAsync(PeoplePermissions.AttendanceRules, ct);
        await timesheets.DefaultRuleAsync(ct);
        var rule = new WorkRule("");
        rule.SetDefault(false);
        Apply(rule, input);
        await MoveDefaultAsync(rule, input.IsDefault, ct);
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return await GetAsync(rule.Id, ct);
    }

    public async Task<WorkRuleDto> UpdateAsync(Guid id, WorkRuleInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await permissions.RequireAsync(PeoplePermissions.AttendanceRules, ct);
        var rule = await db.Set<WorkRule>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(nameof(WorkRule));
        db.ExpectVersion(rule, input.Version);
        if (rule.IsDefault && !input.IsDefault)
        {
            throw new DomainException(PeopleMessages.WorkRuleDefaultRequired, "isDefault");
        }

        // Tried on a copy first: a refused change leaves nothing modified in a page's long-lived scope.
        Apply(new WorkRule(""), input);
        Apply(rule, input);
        await MoveDefaultAsync(rule, input.IsDefault, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(rule.Id, ct);
    }

    /// <summary>Each group of settings through the entity's own checks (the first refusal throws).</summary>
    private static void Apply(WorkRule rule, WorkRuleInput input)
    {
        rule.Rename(input.Name);
        rule.SetHours(input.StartTime, input.EndTime, input.BreakMinutes);
        rule.SetWeek(input.WeekStart, input.StatutoryRestDay, input.ScheduledRestDays ?? [], input.HolidaysOff);
        rule.SetSystem(input.TimeSystem, input.FlexMonths, input.FlexStartMonth, input.FlexTotalMinutes, input.FlexDailyMinutes,
            input.CoreStart, input.CoreEnd, input.VariableStartDay);
    }

    private async Task MoveDefaultAsync(WorkRule rule, bool isDefault, CancellationToken ct)
    {
        if (!isDefault || rule.IsDefault)
        {
            return;
        }

        foreach (var other in await db.Set<WorkRule>().Where(r => r.IsDefault && r.Id != rule.Id).ToListAsync(ct))
        {
            other.SetDefault(false);
        }

        rule.SetDefault(true);
    }

    internal static WorkRuleDto ToDto(WorkRule r) => new(r.Id, r.Name, r.StartTime, r.EndTime, r.BreakMinutes, r.ScheduledMinutes, r.WeekStart, r.StatutoryRestDay,
        [.. Enum.GetValues<DayOfWeek>().Where(d => (r.ScheduledRestDays & (1 << (int)d)) != 0)], r.HolidaysOff, r.RoundingMinutes)
    {
        IsDefault = r.IsDefault,
        TimeSystem = r.TimeSystem,
        FlexMonths = r.FlexMonths,
        FlexStartMonth = r.FlexStartMonth,
        FlexTotalMinutes = r.FlexTotalMinutes,
        FlexDailyMinutes = r.FlexDailyMinutes,
        CoreStart = r.CoreStart,
        CoreEnd = r.CoreEnd,
        VariableStartDay = r.VariableStartDay,
        Version = r.Version,
    };
}
