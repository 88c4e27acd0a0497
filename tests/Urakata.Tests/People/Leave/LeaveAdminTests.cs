using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Leave;
using Urakata.People.Leave.FiveDays;
using Urakata.People.Leave.Records;
using Urakata.People.Leave.Register;
using Urakata.Platform.Data;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People.Leave;

/// <summary>
/// 年5日 list and reminders (once per duty), the 年次有給休暇管理簿 and its export, leave types and settings on a real
/// database (clock: 2026-11-24).
/// </summary>
[Trait("Category", "Database")]
public sealed class LeaveAdminTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    [Fact]
    public async Task FiveDayDuty_UnderThreeMonthsLeft_IsListed_AndReportedOnce()
    {
        var c = await LeaveCompany.CreateAsync(factory, "five");
        var e = await c.HireAsync("F001", Day("2024-07-05"));
        var calm = await c.HireAsync("F002", Day("2024-07-05"));
        foreach (var id in new[] { e.Id, calm.Id })
        {
            Assert.True((await c.Client.PostAsJsonAsync($"/api/v1/people/leave/employees/{id}/grants", new GrantInput(Day("2026-01-05"), 11m), LeaveCompany.Json)).IsSuccessStatusCode);
        }
        // Two full days and a half count 2.5; hourly leave does not count (39条8項).
        await c.TakeAsync(e.Id, (Day("2026-03-02"), LeaveUnit.FullDay, 0), (Day("2026-03-03"), LeaveUnit.FullDay, 0), (Day("2026-03-04"), LeaveUnit.HalfDay, 0));
        await c.TakeAsync(calm.Id, [.. Enumerable.Range(0, 5).Select(i => (Day("2026-04-06").AddDays(i), LeaveUnit.FullDay, 0))]);

        var list = await c.Client.GetFromJsonAsync<List<LeaveStatusDto>>("/api/v1/people/leave/status?atRisk=true", LeaveCompany.Json);
        var row = Assert.Single(list!);
        Assert.Equal((e.Id, Day("2027-01-04"), 5m, 2.5m, 2.5m, true), (row.EmployeeId, row.Deadline!.Value, row.RequiredDays, row.TakenDays, row.StillRequired, row.AtRisk));

        var first = await c.InCompanyAsync(sp => sp.GetRequiredService<FiveDayAlerts>().NotifyAsync(LeaveFactory.Today));
        var second = await c.InCompanyAsync(sp => sp.GetRequiredService<FiveDayAlerts>().NotifyAsync(LeaveFactory.Today.AddDays(1)));
        Assert.Equal((1, 0), (first, second));
        var notes = await c.InCompanyAsync(sp => sp.GetRequiredService<UrakataDbContext>().Notifications.AsNoTracking()
            .Where(n => n.UserId == c.Company.AdminId && n.Title.Contains("年5日")).ToListAsync());
        Assert.Contains(e.Name, Assert.Single(notes).Title);
    }

    [Fact]
    public async Task Register_ListsGrantsTakingsAndBalance_AndExports()
    {
        var c = await LeaveCompany.CreateAsync(factory, "reg");
        var e = await c.HireAsync("R001", Day("2024-04-01"));
        await c.Client.PostAsJsonAsync($"/api/v1/people/leave/employees/{e.Id}/grants", new GrantInput(Day("2024-10-01"), 10m), LeaveCompany.Json);
        await c.TakeAsync(e.Id, (Day("2025-02-03"), LeaveUnit.FullDay, 0), (Day("2025-02-04"), LeaveUnit.HalfDay, 0));

        var register = (await c.Client.GetFromJsonAsync<LeaveRegisterDto>($"/api/v1/people/leave/employees/{e.Id}/register", LeaveCompany.Json))!;
        Assert.Equal(
            [(Day("2024-10-01"), RegisterEntryKind.Grant, "10日"), (Day("2025-02-03"), RegisterEntryKind.Taken, "9日"), (Day("2025-02-04"), RegisterEntryKind.Taken, "8.5日"),
             (Day("2026-10-01"), RegisterEntryKind.Lapsed, "0日")],
            register.Entries.Select(r => (r.Date, r.Kind, r.Remaining!)));
        Assert.Contains("8.5日", register.Entries[^1].Note);

        var sjis = await c.Client.GetAsync($"/api/v1/people/leave/employees/{e.Id}/register/export?format=csv-sjis");
        Assert.Equal(HttpStatusCode.OK, sjis.StatusCode);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Contains("付与（基準日）", Encoding.GetEncoding(932).GetString(await sjis.Content.ReadAsByteArrayAsync()));
        foreach (var (format, type) in new[] { ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("pdf", "application/pdf") })
        {
            var file = await c.Client.GetAsync($"/api/v1/people/leave/employees/{e.Id}/register/export?format={format}");
            Assert.Equal(type, file.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task LeaveTypes_DefaultsAreMade_PaidLeaveIsFixed_OwnKindsCanBeAddedAndRemoved()
    {
        var c = await LeaveCompany.CreateAsync(factory, "types");
        var types = (await c.Client.GetFromJsonAsync<List<LeaveTypeDto>>("/api/v1/people/leave/types", LeaveCompany.Json))!;
        Assert.Equal(["paid", "special", "bereavement", "family_care", "child_care", "unpaid"], types.Select(t => t.Code));
        var paid = types[0];

        var delete = await c.Client.DeleteAsync($"/api/v1/people/leave/types/{paid.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains("年次有給休暇", await delete.Content.ReadAsStringAsync());
        var unpaid = await c.Client.PutAsJsonAsync($"/api/v1/people/leave/types/{paid.Id}", new LeaveTypeInput(null, "年休", null, Paid: false), LeaveCompany.Json);
        Assert.Equal(HttpStatusCode.BadRequest, unpaid.StatusCode);

        var added = await c.Client.PostAsJsonAsync("/api/v1/people/leave/types", new LeaveTypeInput("refresh", "リフレッシュ休暇", "Refresh leave", true), LeaveCompany.Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var again = await c.Client.PostAsJsonAsync("/api/v1/people/leave/types", new LeaveTypeInput("refresh", "重複", null, true), LeaveCompany.Json);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refresh = (await added.Content.ReadFromJsonAsync<LeaveTypeDto>(LeaveCompany.Json))!;
        Assert.Equal(HttpStatusCode.NoContent, (await c.Client.DeleteAsync($"/api/v1/people/leave/types/{refresh.Id}")).StatusCode);
        Assert.Equal(6, (await c.Client.GetFromJsonAsync<List<LeaveTypeDto>>("/api/v1/people/leave/types", LeaveCompany.Json))!.Count);
    }

    [Fact]
    public async Task Settings_RefuseMoreThanFiveHourlyDays_AndAUniformDateGrantsEarly()
    {
        var c = await LeaveCompany.CreateAsync(factory, "set");
        var bad = await c.Client.PutAsJsonAsync("/api/v1/people/leave/settings", new LeaveSettingsDto(4, 1, FirstGrantTiming.UniformDate, 6), LeaveCompany.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("0〜5日", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, (await c.Client.GetFromJsonAsync<LeaveSettingsDto>("/api/v1/people/leave/settings", LeaveCompany.Json))!.HourlyLeaveDaysPerYear);

        // 基準日 1 October: a hire of 1 June 2026 is granted on the first 1 October on or before 1 December (通達 平6.1.4 基発1号),
        // the cut-off part of the 6 months counting as attended.
        Assert.True((await c.Client.PutAsJsonAsync("/api/v1/people/leave/settings", new LeaveSettingsDto(10, 1, FirstGrantTiming.UniformDate, 5), LeaveCompany.Json)).IsSuccessStatusCode);
        var e = await c.HireAsync("S001", Day("2026-06-01"));
        await c.AttendAsync(e.Id, Day("2026-06-01"), Day("2026-10-01"));
        await c.GrantDueAsync(LeaveFactory.Today);
        var grant = Assert.Single(await c.GrantsAsync(e.Id));
        Assert.Equal((Day("2026-10-01"), 10m), (grant.GrantDate, grant.Days));
        Assert.Equal(grant.TotalWorkDays, grant.AttendedDays);
    }
}
