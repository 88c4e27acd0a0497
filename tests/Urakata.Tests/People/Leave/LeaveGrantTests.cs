using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Attendance;
using Urakata.People.Leave;
using Urakata.People.Leave.Records;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People.Leave;

/// <summary>
/// The daily grant job on a real database: 10 days after 6 months, 比例付与 for a 4-day part-timer, no grant under 80 %
/// attendance (the next year's still counted), idempotent; and grants HR records by hand.
/// </summary>
[Trait("Category", "Database")]
public sealed class LeaveGrantTests(LeaveFactory factory) : IClassFixture<LeaveFactory>
{
    [Fact]
    public async Task GrantJob_HiredSixMonthsAgo_GrantsTenDays()
    {
        var c = await LeaveCompany.CreateAsync(factory, "six");
        var e = await c.HiredSixMonthsAgoAsync("L001");

        Assert.Equal(1, await c.GrantDueAsync(LeaveFactory.Today));

        var grant = Assert.Single(await c.GrantsAsync(e.Id));
        Assert.Equal((Day("2026-11-24"), 10m, 1, GrantSource.Auto), (grant.GrantDate, grant.Days, grant.GrantNumber!.Value, grant.Source));
        Assert.Equal(grant.TotalWorkDays, grant.AttendedDays);
        var balance = await c.BalanceAsync(e.Id);
        Assert.Equal(10m, balance.RemainingDays);
        Assert.Equal(Day("2028-11-24"), Assert.Single(balance.Grants).ExpiresOn);
    }

    [Fact]
    public async Task GrantJob_PartTimerFourDaysAWeek_GetsProportionalSevenDays()
    {
        var c = await LeaveCompany.CreateAsync(factory, "prop");
        // 4 days × 6 h = 24 h a week: under 30 h and ≤ 4 days → 比例付与 (労基則24条の3).
        var e = await c.HiredSixMonthsAgoAsync("L002", daysPerWeek: 4, minutesPerDay: 360);

        await c.GrantDueAsync(LeaveFactory.Today);

        Assert.Equal(7m, Assert.Single(await c.GrantsAsync(e.Id)).Days);
    }

    [Fact]
    public async Task GrantJob_VariableEmployee_EightyPercentIsCountedOnTheirShiftDays()
    {
        var c = await LeaveCompany.CreateAsync(factory, "shift");
        // 店舗シフト (変形): Wednesday to Saturday 8 h, 32 h a week within the cap; Monday and Tuesday off, Sunday 法定休日.
        var rule = await c.InCompanyAsync(sp => sp.GetRequiredService<WorkRules>().CreateAsync(new WorkRuleInput("店舗シフト", new TimeOnly(9, 0), new TimeOnly(18, 0), 60,
            TimeSystem: WorkingTimeSystem.MonthlyVariable)));
        var e = await c.HireAsync("S001", Day("2026-05-24"), workRuleId: rule.Id);
        static bool OnShift(DateOnly d) => d.DayOfWeek is >= DayOfWeek.Wednesday and <= DayOfWeek.Saturday;
        for (var month = Day("2026-05-01"); month < Day("2026-12-01"); month = month.AddMonths(1))
        {
            var days = Enumerable.Range(0, month.AddMonths(1).DayNumber - month.DayNumber).Select(month.AddDays)
                .Select(d => OnShift(d) ? new ShiftInput(d, ShiftKind.Work, new TimeOnly(9, 0), new TimeOnly(18, 0), 60)
                    : new ShiftInput(d, d.DayOfWeek == DayOfWeek.Sunday ? ShiftKind.StatutoryRestDay : ShiftKind.RestDay)).ToList();
            var text = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            await c.InCompanyAsync(sp => sp.GetRequiredService<ShiftCalendar>().SetAsync(e.Id, new ShiftMonthInput(text, days)));
        }
        // Present on every シフト day, 秋分の日 (Wed 23 Sep) included: its シフト makes it a work day.
        await c.AttendAsync(e.Id, e.HireDate, LeaveFactory.Today, on: OnShift);

        Assert.Equal(1, await c.GrantDueAsync(LeaveFactory.Today));
        // 24 May – 23 Nov 2026 is 26 weeks from a Sunday and 2 days (Sun, Mon): 26 × 4 = 104 シフト days, all attended → 10 days.
        // Counted on the default rule's Monday–Friday week instead: 123 work days, of which 77 (Wednesdays to Fridays) attended,
        // 63 % — no grant.
        var grant = Assert.Single(await c.GrantsAsync(e.Id));
        Assert.Equal((104, 104, 10m), (grant.TotalWorkDays!.Value, grant.AttendedDays!.Value, grant.Days));
    }

    [Fact]
    public async Task GrantJob_AttendanceUnderEightyPercent_GrantsNothing_ButTheNextYearCounts()
    {
        var c = await LeaveCompany.CreateAsync(factory, "low");
        var e = await c.HireAsync("L003", Day("2025-05-24"));
        await c.AttendAsync(e.Id, Day("2025-05-24"), Day("2025-11-24"), every: 2);

        await c.GrantDueAsync(Day("2025-11-24"));
        var failed = Assert.Single(await c.GrantsAsync(e.Id));
        Assert.Equal((0m, 1), (failed.Days, failed.GrantNumber!.Value));
        Assert.True(failed.AttendedDays * 10 < failed.TotalWorkDays * 8);
        // Decided once: the next morning does not try again.
        Assert.Equal(0, await c.GrantDueAsync(Day("2025-11-25")));

        await c.AttendAsync(e.Id, Day("2025-11-24"), Day("2026-11-24"));
        await c.GrantDueAsync(LeaveFactory.Today);

        var grants = await c.GrantsAsync(e.Id);
        Assert.Equal([(0m, 1), (11m, 2)], grants.Select(g => (g.Days, g.GrantNumber!.Value)));
        Assert.Equal(11m, (await c.BalanceAsync(e.Id)).RemainingDays);
    }

    [Fact]
    public async Task GrantJob_RunTwice_GrantsOnce()
    {
        var c = await LeaveCompany.CreateAsync(factory, "twice");
        var e = await c.HiredSixMonthsAgoAsync("L004");

        Assert.Equal(1, await c.GrantDueAsync(LeaveFactory.Today));
        Assert.Equal(0, await c.GrantDueAsync(LeaveFactory.Today));
        var job = await c.InCompanyAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Urakata.People.Leave.Grants.LeaveJob>(sp).RunAsync());

        Assert.Single(await c.GrantsAsync(e.Id));
        Assert.True(job.Grants >= 0);
    }

    [Fact]
    public async Task GrantJob_LongServingEmployeeWithNothingRecorded_IsLeftForAnOpeningBalance()
    {
        var c = await LeaveCompany.CreateAsync(factory, "old");
        var e = await c.HireAsync("L005", Day("2015-04-01"));

        Assert.Equal(0, await c.GrantDueAsync(LeaveFactory.Today));

        // HR enters what the company brought over; from then on the job continues from it.
        var opening = await c.Client.PostAsJsonAsync($"/api/v1/people/leave/employees/{e.Id}/grants",
            new GrantInput(Day("2026-10-01"), 20m, GrantSource.OpeningBalance, "旧システムからの移行"), LeaveCompany.Json);
        Assert.True(opening.StatusCode == HttpStatusCode.Created, await opening.Content.ReadAsStringAsync());
        Assert.Equal(20m, (await c.BalanceAsync(e.Id)).RemainingDays);
    }

    [Fact]
    public async Task ManualGrant_BadInput_IsRefusedInJapanese_AndNothingIsRecorded()
    {
        var c = await LeaveCompany.CreateAsync(factory, "bad");
        var e = await c.HireAsync("L006", Day("2024-04-01"));

        async Task<string> RefusedAsync(GrantInput input)
        {
            var response = await c.Client.PostAsJsonAsync($"/api/v1/people/leave/employees/{e.Id}/grants", input, LeaveCompany.Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("0.5日単位", await RefusedAsync(new GrantInput(Day("2026-10-01"), 1.3m)));
        Assert.Contains("0.5日単位", await RefusedAsync(new GrantInput(Day("2026-10-01"), 41m)));
        Assert.Contains("入社日", await RefusedAsync(new GrantInput(Day("2024-03-01"), 10m)));
        Assert.Contains("手動", await RefusedAsync(new GrantInput(Day("2026-10-01"), 10m, GrantSource.Auto)));
        Assert.Empty(await c.GrantsAsync(e.Id));

        Assert.True((await c.Client.PostAsJsonAsync($"/api/v1/people/leave/employees/{e.Id}/grants", new GrantInput(Day("2026-10-01"), 10m), LeaveCompany.Json)).IsSuccessStatusCode);
        Assert.Contains("既に登録", await RefusedAsync(new GrantInput(Day("2026-10-01"), 5m)));
        Assert.Single(await c.GrantsAsync(e.Id));
    }
}
