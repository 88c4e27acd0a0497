using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;

namespace Urakata.Tests.People.Leave;

/// <summary>A factory whose clock stands at Tue 24 Nov 2026 (Japan) for the leave tests.</summary>
public sealed class LeaveFactory : UrakataFactory
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    protected override bool UseFakeClock => true;

    /// <summary>Moves the clock to <see cref="Today"/> 10:00 JST unless a test already moved it past.</summary>
    public void SetClock()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9));
        if (Clock.GetUtcNow() < now)
        {
            Clock.SetUtcNow(now.ToUniversalTime());
        }
    }

    /// <summary>A fresh demo company with the clock at <see cref="Today"/>.</summary>
    public async Task<WorkflowDemo> DemoAsync()
    {
        SetClock();
        return await WorkflowDemo.SeedAsync(this);
    }
}

/// <summary>A fresh company with one employee, and short ways to seed attendance and leave and to run the grant job.</summary>
internal sealed class LeaveCompany(LeaveFactory factory, TestCompany company, HttpClient client)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public TestCompany Company { get; } = company;
    public HttpClient Client { get; } = client;

    public static async Task<LeaveCompany> CreateAsync(LeaveFactory factory, string key)
    {
        factory.SetClock();
        var company = await factory.CreateCompanyAsync("株式会社休暇" + key, "lv-" + key);
        return new LeaveCompany(factory, company, await factory.CreateApiClientAsync(company));
    }

    public async Task<EmployeeDto> HireAsync(string number, DateOnly hired, int daysPerWeek = 5, int minutesPerDay = 480, Guid? userId = null, Guid? workRuleId = null)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/people/employees", new EmployeeInput(number, "休暇 " + number, "キュウカ タロウ", null, hired,
            daysPerWeek < 5 ? EmploymentType.PartTime : EmploymentType.Regular, WorkDaysPerWeek: daysPerWeek, WorkMinutesPerDay: minutesPerDay, UserId: userId,
            WorkRuleId: workRuleId), Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EmployeeDto>(Json))!;
    }

    /// <summary>Hired on 24 May 2026 and present on every work day since: the first grant falls due on <see cref="LeaveFactory.Today"/>.</summary>
    public async Task<EmployeeDto> HiredSixMonthsAgoAsync(string number, int daysPerWeek = 5, int minutesPerDay = 480)
    {
        var employee = await HireAsync(number, new DateOnly(2026, 5, 24), daysPerWeek, minutesPerDay);
        await AttendAsync(employee.Id, employee.HireDate, LeaveFactory.Today);
        return employee;
    }

    /// <summary>
    /// Attendance records on the work days (default rule; or the dates <paramref name="on"/> picks) from <paramref name="from"/> up to,
    /// not including, <paramref name="until"/>; <paramref name="every"/> 2 records every other one.
    /// </summary>
    public Task<int> AttendAsync(Guid employeeId, DateOnly from, DateOnly until, int every = 1, Func<DateOnly, bool>? on = null) => InCompanyAsync(async sp =>
    {
        var db = sp.GetRequiredService<UrakataDbContext>();
        var rule = await sp.GetRequiredService<AttendanceBook>().DefaultRuleAsync();
        on ??= d => rule.KindOf(d, new HashSet<DateOnly>()) == DayKind.WorkDay;
        var n = 0;
        for (var d = from; d < until; d = d.AddDays(1))
        {
            if (on(d) && n++ % every == 0)
            {
                db.Add(new AttendanceDay(employeeId, d));
            }
        }
        await db.SaveChangesAsync();
        return n;
    });

    public Task<int> GrantDueAsync(DateOnly today) => InCompanyAsync(sp => sp.GetRequiredService<Urakata.People.Leave.Grants.LeaveGrants>().GrantDueAsync(today));

    public Task<List<LeaveGrant>> GrantsAsync(Guid employeeId) => InCompanyAsync(sp =>
        sp.GetRequiredService<UrakataDbContext>().Set<LeaveGrant>().AsNoTracking().Where(g => g.EmployeeId == employeeId).OrderBy(g => g.GrantDate).ToListAsync());

    /// <summary>Paid leave recorded directly (as an approved request would).</summary>
    public Task TakeAsync(Guid employeeId, params (DateOnly Date, LeaveUnit Unit, int Hours)[] takings) => InCompanyAsync(async sp =>
    {
        var db = sp.GetRequiredService<UrakataDbContext>();
        var paid = (await sp.GetRequiredService<LeaveBook>().TypesAsync()).Single(t => t.Code == LeaveType.PaidCode);
        db.AddRange(takings.Select(t => new TakenLeave(employeeId, t.Date, paid.Id, t.Unit, t.Hours, LeaveSource.Requested, null)));
        await db.SaveChangesAsync();
        return true;
    });

    public async Task<LeaveBalanceDto> BalanceAsync(Guid employeeId)
    {
        var response = await Client.GetAsync($"/api/v1/people/leave/employees/{employeeId}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LeaveBalanceDto>(Json))!;
    }

    public Task<T> InCompanyAsync<T>(Func<IServiceProvider, Task<T>> work) => factory.InCompanyAsync(Company.Id, Company.AdminId, work);
}
