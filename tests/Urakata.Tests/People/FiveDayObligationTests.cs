using Urakata.People.Leave;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People;

/// <summary>年5日取得義務: reference §6.2 (39条7項; what counts; 前倒し付与 and the pro-rata merge, 労基則24条の5 [GK-verify]).</summary>
public sealed class FiveDayObligationTests
{
    [Fact]
    public void Duty_OneYearFromTheGrant_PlannedAndHalfDaysCount_HoursDoNot()
    {
        LeaveTaking[] taken =
        [
            LeaveTaking.FullDay(Day("2026-05-01")),
            LeaveTaking.FullDay(Day("2026-08-13"), LeaveSource.Planned), // 計画的付与
            LeaveTaking.FullDay(Day("2026-08-14"), LeaveSource.Planned),
            LeaveTaking.HalfDay(Day("2026-10-02")),
            LeaveTaking.ForHours(Day("2026-11-04"), 4), // hour-unit leave does not count
            LeaveTaking.ForHours(Day("2026-11-05"), 4),
            LeaveTaking.FullDay(Day("2027-04-01")), // after the deadline
        ];

        var duty = Assert.Single(FiveDayObligation.Duties([new PaidLeaveGrant(Day("2026-04-01"), 10)], taken));

        Assert.Equal((Day("2026-04-01"), Day("2027-03-31")), (duty.From, duty.Deadline));
        Assert.Equal((5m, 3.5m, 1.5m), (duty.RequiredDays, duty.TakenDays, duty.StillRequired));
        Assert.True(duty.IsOverdue(Day("2027-04-01")));
        Assert.False(duty.IsOverdue(Day("2027-03-31")));
    }

    [Fact]
    public void GrantsUnderTenDays_CarryNoDuty_TenForAPartTimerDoes()
    {
        Assert.Empty(FiveDayObligation.Duties([new PaidLeaveGrant(Day("2026-04-01"), 9)], []));
        // 週4日 part-timer at 3.5 years: 10 days (§6.1), so the duty applies (§6.2: part-timers once their grant reaches 10).
        var duty = Assert.Single(FiveDayObligation.Duties([new PaidLeaveGrant(Day("2029-10-01"), PaidLeaveGrantRules.DaysFor(GrantTable.ProportionalFourDays, 4))], []));
        Assert.Equal(5m, duty.StillRequired);
    }

    [Fact]
    public void Met_WhenFiveDaysTaken_FromAnyGrant()
    {
        var taken = Enumerable.Range(0, 5).Select(i => LeaveTaking.FullDay(Day("2027-05-10").AddDays(i))).ToList();

        var duties = FiveDayObligation.Duties([new PaidLeaveGrant(Day("2026-04-01"), 10), new PaidLeaveGrant(Day("2027-04-01"), 11)], taken);

        // Two years that do not overlap: two duties; the days of 2027 are drawn from the carried-over grant and still count.
        Assert.Equal([Day("2027-03-31"), Day("2028-03-31")], duties.Select(d => d.Deadline));
        Assert.Equal([5m, 0m], duties.Select(d => d.StillRequired));
        Assert.True(duties[1].IsMet);
    }

    [Fact]
    public void OverlappingYears_MergeProRata_18MonthsGive7Point5Days()
    {
        // 10 days at 2026-10-01 (hire + 6 months), then the April 1 基準日 grants 11 days at 2027-04-01: the years overlap.
        // Merged: 2026-10-01 … 2028-03-31 = 18 months → 18 ÷ 12 × 5 = 7.5 days.
        var grants = new[] { new PaidLeaveGrant(Day("2026-10-01"), 10), new PaidLeaveGrant(Day("2027-04-01"), 11) };

        var duty = Assert.Single(FiveDayObligation.Duties(grants, [LeaveTaking.FullDay(Day("2026-12-28")), LeaveTaking.FullDay(Day("2028-03-30"))]));

        Assert.Equal((Day("2026-10-01"), Day("2028-03-31")), (duty.From, duty.Deadline));
        Assert.Equal([Day("2026-10-01"), Day("2027-04-01")], duty.GrantDates);
        Assert.Equal((7.5m, 2m, 5.5m), (duty.RequiredDays, duty.TakenDays, duty.StillRequired));
    }

    [Fact]
    public void OverlappingYears_PartMonth_RoundingIsASetting()
    {
        // 2026-07-10 … 2028-03-31 is 20 months and 22 days.
        var grants = new[] { new PaidLeaveGrant(Day("2026-07-10"), 10), new PaidLeaveGrant(Day("2027-04-01"), 11) };

        Assert.Equal(8.75m, FiveDayObligation.Duties(grants, []).Single().RequiredDays); // 21 months ÷ 12 × 5
        Assert.Equal(9m, FiveDayObligation.Duties(grants, [], new FiveDayRules { RoundDaysUpToHalf = true }).Single().RequiredDays);
        var exactMonths = FiveDayObligation.Duties(grants, [], new FiveDayRules { RoundMonthsUp = false }).Single().RequiredDays;
        Assert.InRange(exactMonths, 8.6m, 8.7m); // (20 + 22/30) ÷ 12 × 5
    }

    [Fact]
    public void OverlappingYears_KeptSeparate_WhenTheCompanyDoesNotMerge()
    {
        var grants = new[] { new PaidLeaveGrant(Day("2026-10-01"), 10), new PaidLeaveGrant(Day("2027-04-01"), 11) };

        var duties = FiveDayObligation.Duties(grants, [], new FiveDayRules { MergeOverlapping = false });

        Assert.Equal([(Day("2026-10-01"), Day("2027-09-30"), 5m), (Day("2027-04-01"), Day("2028-03-31"), 5m)],
            duties.Select(d => (d.From, d.Deadline, d.RequiredDays)));
    }

    [Theory]
    [InlineData("2026-10-01", "2028-03-31", 18)]
    [InlineData("2026-04-01", "2027-03-31", 12)]
    [InlineData("2026-07-10", "2028-03-31", 21)] // a part month counts whole
    [InlineData("2026-01-31", "2026-02-27", 1)]
    public void Months_OfAPeriod(string from, string through, int months)
    {
        Assert.Equal(months, FiveDayObligation.Months(Day(from), Day(through)));
    }
}
