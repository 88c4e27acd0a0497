using Urakata.People.Leave;
using Urakata.Platform.Domain;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People;

/// <summary>Balances: reference §6.2 (時効 2 years, 115条; 時間単位年休 ≤ 5 days' worth, hours per day rounded up; half days).</summary>
public sealed class LeaveLedgerTests
{
    private static LeaveLedger EightHourLedger(params (string Date, decimal Days)[] grants)
    {
        var ledger = new LeaveLedger(8 * 60);
        foreach (var (date, days) in grants)
        {
            ledger.AddGrant(new PaidLeaveGrant(Day(date), days));
        }

        return ledger;
    }

    [Fact]
    public void Grant_LapsesTwoYearsAfterTheGrantDate()
    {
        var ledger = EightHourLedger(("2026-04-01", 10));

        Assert.Equal(10m, ledger.BalanceOn(Day("2028-03-31")).Remaining.Days);
        var lapsed = ledger.BalanceOn(Day("2028-04-01"));
        Assert.Equal((0m, 10m), (lapsed.Remaining.Days, lapsed.Lapsed.Days));
        Assert.True(lapsed.Grants.Single().Expired);
        Assert.Throws<DomainException>(() => ledger.Take(LeaveTaking.FullDay(Day("2028-04-03"))));
    }

    [Fact]
    public void Available_DeductsApprovedLeaveStillToCome_TheBalanceOnADateDoesNot()
    {
        // 10 days granted 2026-04-01; on 2026-11-24, leave approved for 2026-12-10 and a half day on 2026-12-11.
        var ledger = EightHourLedger(("2026-04-01", 10));
        ledger.Take(LeaveTaking.FullDay(Day("2026-12-10")));
        ledger.Take(LeaveTaking.HalfDay(Day("2026-12-11")));

        Assert.Equal(10m, ledger.BalanceOn(Day("2026-11-24")).Remaining.Days);
        Assert.Equal(8.5m, ledger.AvailableOn(Day("2026-11-24")).Days);
        // After the grant lapses nothing is available, whatever was planned.
        Assert.Equal(0m, ledger.AvailableOn(Day("2028-04-01")).Days);
    }

    [Fact]
    public void Taking_UsesTheOldestGrantFirst_SoLessLapses()
    {
        var ledger = EightHourLedger(("2026-04-01", 10), ("2027-04-01", 11));
        ledger.Take(LeaveTaking.FullDay(Day("2026-08-10")));
        ledger.Take(LeaveTaking.FullDay(Day("2026-08-11")));
        foreach (var day in new[] { "2027-05-06", "2027-05-07", "2027-08-12" })
        {
            ledger.Take(LeaveTaking.FullDay(Day(day)));
        }

        var before = ledger.BalanceOn(Day("2028-03-31"));
        Assert.Equal([5m, 11m], before.Grants.Select(g => g.Remaining.Days)); // the 2027 days came from the carried-over grant
        Assert.Equal(16m, before.Remaining.Days);

        var after = ledger.BalanceOn(Day("2028-04-01"));
        Assert.Equal((11m, 5m), (after.Remaining.Days, after.Lapsed.Days));
    }

    [Fact]
    public void Taking_SpansTwoGrants_WhenTheOldOneRunsOut()
    {
        var ledger = EightHourLedger(("2026-04-01", 10), ("2027-04-01", 11));
        ledger.Take(LeaveTaking.HalfDay(Day("2027-03-30")));
        for (var day = Day("2027-04-05"); day < Day("2027-04-15"); day = day.AddDays(1))
        {
            ledger.Take(LeaveTaking.FullDay(day));
        }

        // 9.5 of the old grant were left: 10 days take all of it and half a day of the new one.
        Assert.Equal([0m, 10.5m], ledger.BalanceOn(Day("2027-04-15")).Grants.Select(g => g.Remaining.Days));
    }

    [Fact]
    public void HalfDays_TwoMakeADay_AndAThirdOnTheSameDateIsRefused()
    {
        var ledger = EightHourLedger(("2026-04-01", 10));
        ledger.Take(LeaveTaking.HalfDay(Day("2026-06-01")));

        Assert.Equal("9.5日", InCulture("ja-JP", () => ledger.BalanceOn(Day("2026-06-01")).Remaining.Display()));
        ledger.Take(LeaveTaking.HalfDay(Day("2026-06-01")));
        Assert.Equal(9m, ledger.BalanceOn(Day("2026-06-01")).Remaining.Days);

        var ex = Assert.Throws<DomainException>(() => InCulture("ja-JP", () => { ledger.Take(LeaveTaking.HalfDay(Day("2026-06-01"))); return 0; }));
        Assert.StartsWith("2026/06/01は既に休暇を取得しています", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BeyondTheBalance_IsRefusedWithTheNumbers_AndNothingChanges()
    {
        var ledger = EightHourLedger(("2026-04-01", 10));
        for (var day = Day("2026-06-01"); day < Day("2026-06-10"); day = day.AddDays(1))
        {
            ledger.Take(LeaveTaking.FullDay(day));
        }

        ledger.Take(LeaveTaking.HalfDay(Day("2026-06-12")));
        var ja = Assert.Throws<DomainException>(() => InCulture("ja-JP", () => { ledger.Take(LeaveTaking.FullDay(Day("2026-06-15"))); return 0; }));
        var en = Assert.Throws<DomainException>(() => InCulture("en-US", () => { ledger.Take(LeaveTaking.FullDay(Day("2026-06-15"))); return 0; }));

        Assert.Equal("年次有給休暇の残りが足りません（2026/06/15時点の残り: 0.5日、申請: 1日）。", ja.Message);
        Assert.Equal("Not enough paid leave left (on 2026/06/15: 0.5 day(s) left, 1 day(s) requested).", en.Message);
        Assert.Equal(10, ledger.Takings.Count);
        Assert.Equal(0.5m, ledger.BalanceOn(Day("2026-06-30")).Remaining.Days);
    }

    [Fact]
    public void LeaveReservedForLater_CountsAgainstAnEarlierRequest()
    {
        // One day left after an approved day in July: a June request for the last two days is refused.
        var ledger = EightHourLedger(("2026-04-01", 2));
        ledger.Take(LeaveTaking.FullDay(Day("2026-07-20")));

        var ex = Assert.Throws<DomainException>(() => InCulture("ja-JP", () => { ledger.Take(LeaveTaking.FullDay(Day("2026-06-10"))); ledger.Take(LeaveTaking.FullDay(Day("2026-06-11"))); return 0; }));
        Assert.Contains("残り: 0日", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ledger.Takings.Count);
    }

    [Fact]
    public void BeforeAnyGrant_NothingCanBeTaken()
    {
        var ledger = EightHourLedger(("2026-10-01", 10));

        Assert.Throws<DomainException>(() => ledger.Take(LeaveTaking.FullDay(Day("2026-09-30"))));
    }

    [Theory]
    // §6.2: hours per day = the scheduled daily hours rounded up; cap = 5 days' worth.
    [InlineData(480, 8, 40)]
    [InlineData(450, 8, 40)] // 7.5 h → 8 h
    [InlineData(420, 7, 35)]
    [InlineData(361, 7, 35)]
    public void HourlyCap_FiveDaysOfRoundedUpHours(int scheduledMinutesPerDay, int hoursPerDay, int capHours)
    {
        var ledger = new LeaveLedger(scheduledMinutesPerDay);

        Assert.Equal((hoursPerDay, capHours), (ledger.HoursPerDay, ledger.HourlyLeaveCapHours));
    }

    [Fact]
    public void HourlyLeave_UpTo40HoursAYear_The41stIsRefused_TheNextGrantYearStartsAfresh()
    {
        var ledger = new LeaveLedger(450); // 7.5 h days count as 8 h: 40 h a year
        ledger.AddGrant(new PaidLeaveGrant(Day("2026-04-01"), 10));
        ledger.AddGrant(new PaidLeaveGrant(Day("2027-04-01"), 11));
        var day = Day("2026-05-01");
        for (var i = 0; i < 13; i++, day = day.AddDays(1))
        {
            ledger.Take(LeaveTaking.ForHours(day, 3));
        }

        ledger.Take(LeaveTaking.ForHours(day, 1));
        Assert.Equal(40, ledger.BalanceOn(day).HourlyHoursTaken);
        Assert.Equal("5日", InCulture("ja-JP", () => ledger.BalanceOn(day).Remaining.Display()));

        var ex = Assert.Throws<DomainException>(() => InCulture("ja-JP", () => { ledger.Take(LeaveTaking.ForHours(day.AddDays(1), 1)); return 0; }));
        Assert.Equal("時間単位の年休は1年に40時間（5日分）までです。この1年（2026/04/01から）は既に40時間取得しています。", ex.Message);

        ledger.Take(LeaveTaking.ForHours(Day("2027-04-05"), 2)); // a new grant year
        Assert.Equal(2, ledger.BalanceOn(Day("2027-04-05")).HourlyHoursTaken);
    }

    [Fact]
    public void Hours_ShownAsDaysAndHours()
    {
        var ledger = EightHourLedger(("2026-04-01", 10));
        ledger.Take(LeaveTaking.ForHours(Day("2026-05-01"), 3));

        var remaining = ledger.BalanceOn(Day("2026-05-01")).Remaining;
        Assert.Equal((9, 5m, (decimal?)null), (remaining.WholeDays, remaining.RemainderHours, remaining.Days));
        Assert.Equal("9日5時間", InCulture("ja-JP", remaining.Display));
    }

    [Fact]
    public void HourlyLeave_WithoutAnAgreement_IsRefused()
    {
        var ledger = new LeaveLedger(480, hourlyLeaveDaysPerYear: 0);
        ledger.AddGrant(new PaidLeaveGrant(Day("2026-04-01"), 10));

        var ex = Assert.Throws<DomainException>(() => InCulture("ja-JP", () => { ledger.Take(LeaveTaking.ForHours(Day("2026-05-01"), 1)); return 0; }));
        Assert.Contains("労使協定", ex.Message, StringComparison.Ordinal);
    }
}
