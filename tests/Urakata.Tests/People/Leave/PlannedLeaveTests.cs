using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Employees;
using Urakata.People.Leave;
using Urakata.People.Leave.Planned;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People.Leave;

/// <summary>
/// 計画的付与 / 時季指定 entered by HR (clock: Tue 2026-11-24): all or nothing, every refusal naming the employee and the
/// date; a designated day counts toward the 年5日 duty; another company's employee answers 404.
/// </summary>
[Trait("Category", "Database")]
public sealed class PlannedLeaveTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    private static Task<HttpResponseMessage> PlanAsync(LeaveCompany c, PlannedLeaveInput input) =>
        c.Client.PostAsJsonAsync("/api/v1/people/leave/planned", input, LeaveCompany.Json);

    private static Task<int> TakingCountAsync(LeaveCompany c) =>
        c.InCompanyAsync(sp => sp.GetRequiredService<UrakataDbContext>().Set<TakenLeave>().CountAsync());

    [Fact]
    public async Task BeyondTheBalanceOrOnARestDay_IsRefusedForEveryone_NamingEmployeeAndDate()
    {
        var c = await LeaveCompany.CreateAsync(factory, "plan1");
        var full = await c.HiredSixMonthsAgoAsync("P1");
        var recent = await c.HireAsync("P2", Day("2026-10-01")); // no grant yet: nothing to plan from
        Assert.Equal(1, await c.GrantDueAsync(LeaveFactory.Today)); // P1: 10 days on 2026-11-24

        // Fri 25 Dec is a work day, Sat 26 Dec is not (default rule).
        var response = await PlanAsync(c, new PlannedLeaveInput([full.Id, recent.Id], null, [Day("2026-12-25"), Day("2026-12-26")], LeaveSource.Planned));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("P1 休暇 P1: 2026/12/26は勤務日ではありません。", body, StringComparison.Ordinal);
        Assert.Contains("P2 休暇 P2: 2026/12/26は勤務日ではありません。", body, StringComparison.Ordinal);
        Assert.Contains("P2 休暇 P2: 2026/12/25までの休暇は年休の残り(0日)を超えます。", body, StringComparison.Ordinal);
        Assert.Equal(0, await TakingCountAsync(c));

        // Eleven work days from 1 Dec for a 10-day grant: refused at the eleventh, 15 Dec.
        var eleven = Enumerable.Range(0, 15).Select(i => Day("2026-12-01").AddDays(i)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        Assert.Equal(11, eleven.Count);
        var beyond = await PlanAsync(c, new PlannedLeaveInput([full.Id], null, eleven, LeaveSource.Planned));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains("P1 休暇 P1: 2026/12/15までの休暇は年休の残り(10日)を超えます。", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TakingCountAsync(c));

        var unknownSource = await PlanAsync(c, new PlannedLeaveInput([full.Id], null, [Day("2026-12-25")], LeaveSource.Requested));
        Assert.Equal(HttpStatusCode.BadRequest, unknownSource.StatusCode);
        Assert.Equal(0, await TakingCountAsync(c));
    }

    [Fact]
    public async Task DesignatedDays_AreRecorded_AndCountTowardTheFiveDays()
    {
        var c = await LeaveCompany.CreateAsync(factory, "plan2");
        var employee = await c.HiredSixMonthsAgoAsync("D1");
        await c.GrantDueAsync(LeaveFactory.Today);

        var response = await PlanAsync(c, new PlannedLeaveInput([employee.Id], null, [Day("2026-12-24"), Day("2026-12-25")], LeaveSource.Designated));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<PlannedLeaveResult>(LeaveCompany.Json))!;
        Assert.Equal((1, 2), (result.Employees, result.Days));

        var balance = await c.BalanceAsync(employee.Id);
        Assert.Equal("8日", balance.Remaining);
        Assert.All(balance.Takings, t => Assert.Equal(LeaveSource.Designated, t.Source));
        // 39条7項: the 10-day grant of 2026-11-24 owes 5 days by 2027-11-23; the two designated days count.
        var duty = Assert.Single(balance.FiveDayDuties);
        Assert.Equal((Day("2027-11-23"), 5m, 2m, 3m), (duty.Deadline, duty.RequiredDays, duty.TakenDays, duty.StillRequired));

        // The same day again is already leave.
        var again = await PlanAsync(c, new PlannedLeaveInput([employee.Id], null, [Day("2026-12-25")], LeaveSource.Planned));
        Assert.Contains("D1 休暇 D1: 2026/12/25はすでに休暇です。", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCompanysEmployee_AnswersNotFound()
    {
        var a = await LeaveCompany.CreateAsync(factory, "plan3a");
        var b = await LeaveCompany.CreateAsync(factory, "plan3b");
        var theirs = await b.HiredSixMonthsAgoAsync("B1");
        await b.GrantDueAsync(LeaveFactory.Today);
        var response = await PlanAsync(a, new PlannedLeaveInput([theirs.Id], null, [Day("2026-12-25")], LeaveSource.Planned));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("B1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TakingCountAsync(b));
    }
}
