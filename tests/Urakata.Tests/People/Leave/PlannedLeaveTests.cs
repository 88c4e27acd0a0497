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
    public async Task PlannedDays_MustLeaveFiveDaysToTheWorker_ElseAllAreRefused()
    {
        var c = await LeaveCompany.CreateAsync(factory, "plan4");
        var full = await c.HiredSixMonthsAgoAsync("R1");
        var part = await c.HiredSixMonthsAgoAsync("R2", daysPerWeek: 4, minutesPerDay: 360);
        Assert.Equal(2, await c.GrantDueAsync(LeaveFactory.Today)); // R1 10 days; R2 (4 days × 6 h: 比例付与) 7 days
        List<DateOnly> week = [Day("2026-12-01"), Day("2026-12-02"), Day("2026-12-03"), Day("2026-12-04"), Day("2026-12-07")];

        // 39条6項: only the days beyond 5 may be planned — R1 5 of 10, R2 2 of 7: R2's third date passes it, and nothing is recorded.
        var refused = await PlanAsync(c, new PlannedLeaveInput([full.Id, part.Id], null, week, LeaveSource.Planned));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("R2 休暇 R2: 2026/12/03までの計画的付与では、本人が自由に取得できる5日が残りません(労基法39条6項: 付与日数は繰越分を含め7日、計画的付与できるのは5日を超える2日まで)。",
            body, StringComparison.Ordinal);
        Assert.DoesNotContain("R1", body, StringComparison.Ordinal);
        Assert.Equal(0, await TakingCountAsync(c));

        // R1 alone: five planned, five left to R1.
        var accepted = await PlanAsync(c, new PlannedLeaveInput([full.Id], null, week, LeaveSource.Planned));
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal("5日", (await c.BalanceAsync(full.Id)).Remaining);

        // A sixth planned day of the same grant counts the five already recorded; the employer's 時季指定 (39条7項) is not bound by it.
        var sixth = await PlanAsync(c, new PlannedLeaveInput([full.Id], null, [Day("2026-12-08")], LeaveSource.Planned));
        Assert.Contains("R1 休暇 R1: 2026/12/08までの計画的付与では", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var designated = await PlanAsync(c, new PlannedLeaveInput([full.Id], null, [Day("2026-12-08")], LeaveSource.Designated));
        Assert.True(designated.IsSuccessStatusCode, await designated.Content.ReadAsStringAsync());
        Assert.Equal("4日", (await c.BalanceAsync(full.Id)).Remaining);
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
