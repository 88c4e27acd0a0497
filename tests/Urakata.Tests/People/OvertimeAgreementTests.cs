using Urakata.People.Attendance;
using static Urakata.Tests.People.PeopleTestData;

namespace Urakata.Tests.People;

/// <summary>36協定 limits: reference §5.3 (45 h / 360 h; 特別条項 720 h, 6 months over 45 h; &lt; 100 h and ≤ 80 h averages incl. 休日労働).</summary>
public sealed class OvertimeAgreementTests
{
    private static readonly OvertimeAgreement Special = new() { HasSpecialClause = true };

    /// <summary>Consecutive months from <paramref name="first"/>: (時間外 h, 法定休日労働 h) each.</summary>
    private static List<MonthlyOvertimeFigures> Months(string first, params (double Overtime, double RestDay)[] hours) =>
        [.. hours.Select((h, i) => new MonthlyOvertimeFigures(Day(first).AddMonths(i), Hours(h.Overtime), Hours(h.RestDay)))];

    [Theory]
    // 45 h a month: alerts at 70% (31.5 h), 90% (40.5 h), 100%; without a 特別条項 one minute more breaks the 協定.
    [InlineData(1889, AlertLevel.None, false)]
    [InlineData(1890, AlertLevel.Caution, false)]
    [InlineData(2429, AlertLevel.Caution, false)]
    [InlineData(2430, AlertLevel.Warning, false)]
    [InlineData(2700, AlertLevel.Reached, false)]
    [InlineData(2701, AlertLevel.Reached, true)]
    public void MonthlyLimit_AlertsAt70_90_100Percent(int overtimeMinutes, AlertLevel level, bool breached)
    {
        var report = OvertimeAgreementChecker.Check(OvertimeAgreement.Standard, [new MonthlyOvertimeFigures(Day("2026-06-01"), overtimeMinutes, 0)], Day("2026-06-01"));

        var monthly = report[OvertimeLimit.Monthly]!;
        Assert.Equal((level, breached), (monthly.Level, monthly.Breached));
        Assert.Equal(breached, report.AnyBreached);
    }

    [Fact]
    public void SpecialClause_Over45IsAllowed_AtMostSixMonthsAYear()
    {
        // 協定 year from April; 50 h in April to September: six months over 45 h.
        var six = Months("2026-04-01", (50, 0), (50, 0), (50, 0), (50, 0), (50, 0), (50, 0));
        var sixth = OvertimeAgreementChecker.Check(Special, six, Day("2026-09-01"));

        Assert.False(sixth[OvertimeLimit.Monthly]!.Breached); // over 45 h, but the 特別条項 allows it
        Assert.Equal(AlertLevel.Reached, sixth[OvertimeLimit.Monthly]!.Level);
        Assert.Equal((6, AlertLevel.Reached, false), (sixth[OvertimeLimit.MonthsOverMonthlyLimit]!.Used, sixth[OvertimeLimit.MonthsOverMonthlyLimit]!.Level, sixth[OvertimeLimit.MonthsOverMonthlyLimit]!.Breached));

        var fifth = OvertimeAgreementChecker.Check(Special, six, Day("2026-08-01"));
        Assert.Equal(AlertLevel.Caution, fifth[OvertimeLimit.MonthsOverMonthlyLimit]!.Level); // 5 of 6 = 83%

        var seventh = OvertimeAgreementChecker.Check(Special, [.. six, .. Months("2026-10-01", (46, 0))], Day("2026-10-01"));
        Assert.True(seventh[OvertimeLimit.MonthsOverMonthlyLimit]!.Breached);
        Assert.True(seventh.AnyBreached);

        // A new 協定 year starts the count again.
        var april = OvertimeAgreementChecker.Check(Special, [.. six, .. Months("2026-10-01", (40, 0), (40, 0), (40, 0), (40, 0), (40, 0), (40, 0), (46, 0))], Day("2027-04-01"));
        Assert.Equal(1, april[OvertimeLimit.MonthsOverMonthlyLimit]!.Used);
    }

    [Fact]
    public void YearlyLimits_360WithoutAndSeven20WithTheSpecialClause()
    {
        // 30 h every month of the 協定 year: 360 h by March — at the limit, not over.
        var year = Months("2026-04-01", Enumerable.Repeat((30.0, 0.0), 12).ToArray());
        var march = OvertimeAgreementChecker.Check(OvertimeAgreement.Standard, year, Day("2027-03-01"));
        Assert.Equal((360 * 60, AlertLevel.Reached, false), (march[OvertimeLimit.Yearly]!.Used, march[OvertimeLimit.Yearly]!.Level, march[OvertimeLimit.Yearly]!.Breached));
        Assert.Null(march[OvertimeLimit.SpecialYearly]);

        // 60 h a month under a 特別条項 (never mind the 6-month rule here): 720 h is reached in March, 360 h no longer binds.
        var heavy = Months("2026-04-01", Enumerable.Repeat((60.0, 0.0), 12).ToArray());
        var special = OvertimeAgreementChecker.Check(Special, heavy, Day("2027-03-01"));
        Assert.False(special[OvertimeLimit.Yearly]!.Breached);
        Assert.Equal((AlertLevel.Reached, false), (special[OvertimeLimit.SpecialYearly]!.Level, special[OvertimeLimit.SpecialYearly]!.Breached));
        Assert.True(special[OvertimeLimit.MonthsOverMonthlyLimit]!.Breached);
    }

    [Theory]
    // 時間外 + 休日労働 must stay under 100 h: 99 h 59 min passes (90%+ warning), 100 h breaks it.
    [InlineData(70, 29.99, AlertLevel.Warning, false)]
    [InlineData(70, 30, AlertLevel.Reached, true)]
    [InlineData(45, 25, AlertLevel.Caution, false)]
    public void MonthlyCeiling_UnderOneHundredHours_IncludingRestDayWork(double overtime, double restDay, AlertLevel level, bool breached)
    {
        var report = OvertimeAgreementChecker.Check(Special, Months("2026-06-01", (overtime, restDay)), Day("2026-06-01"));

        var ceiling = report[OvertimeLimit.MonthlyCeiling]!;
        Assert.Equal((level, breached), (ceiling.Level, ceiling.Breached));
    }

    [Fact]
    public void TwoMonthAverage_80HoursIsTheMost()
    {
        var atLimit = OvertimeAgreementChecker.Check(Special, Months("2026-05-01", (70, 20), (70, 0)), Day("2026-06-01"));
        var over = OvertimeAgreementChecker.Check(Special, Months("2026-05-01", (70, 21), (70, 0)), Day("2026-06-01"));

        Assert.Equal((2, AlertLevel.Reached, false), (atLimit[OvertimeLimit.Average]!.Months, atLimit[OvertimeLimit.Average]!.Level, atLimit[OvertimeLimit.Average]!.Breached));
        Assert.True(over[OvertimeLimit.Average]!.Breached); // 161 h over 2 months = 80.5 h
    }

    [Fact]
    public void SixMonthAverage_CanBreachWhenEveryShorterWindowPasses()
    {
        // 95, 85, 80, 75, 70, 79 h: the last 2…5 months average 74.5–77.8 h, all six 80.67 h.
        var months = Months("2026-01-01", (80, 15), (85, 0), (60, 20), (75, 0), (70, 0), (79, 0));

        var report = OvertimeAgreementChecker.Check(Special, months, Day("2026-06-01"));

        var averages = report.Limits.Where(l => l.Limit == OvertimeLimit.Average).ToList();
        Assert.Equal([2, 3, 4, 5, 6], averages.Select(a => a.Months));
        Assert.Equal([false, false, false, false, true], averages.Select(a => a.Breached));
        Assert.Equal(6, report[OvertimeLimit.Average]!.Months); // the worst window
        Assert.Equal(484 * 60, report[OvertimeLimit.Average]!.Used);
    }

    [Fact]
    public void Averages_OnlyOverMonthsThatWereGiven()
    {
        // A new hire's second month: only the 2-month window exists.
        var report = OvertimeAgreementChecker.Check(Special, Months("2026-05-01", (50, 0), (60, 0)), Day("2026-06-01"));

        Assert.Equal(2, Assert.Single(report.Limits, l => l.Limit == OvertimeLimit.Average).Months);
    }

    [Fact]
    public void Forecast_ProjectsTheMonthFromTheBusinessDaysSoFar()
    {
        Assert.Equal(Hours(60), OvertimeAgreementChecker.Forecast(Hours(30), 10, 20));
        Assert.Equal(3000, OvertimeAgreementChecker.Forecast(1000, 7, 21));
        Assert.Equal(0, OvertimeAgreementChecker.Forecast(0, 0, 21));

        // 30 h by the 10th of 20 business days: on course for 60 h, over the 45 h limit although only at 67% today.
        var today = OvertimeAgreementChecker.Check(OvertimeAgreement.Standard, Months("2026-06-01", (30, 0)), Day("2026-06-01"));
        var forecast = OvertimeAgreementChecker.CheckForecast(OvertimeAgreement.Standard, Months("2026-06-01", (30, 0)), Day("2026-06-01"), 10, 20);
        Assert.Equal(AlertLevel.None, today[OvertimeLimit.Monthly]!.Level);
        Assert.Equal((Hours(60), true), (forecast[OvertimeLimit.Monthly]!.Used, forecast[OvertimeLimit.Monthly]!.Breached));
    }

    [Fact]
    public void AgreedLowerFigures_AreUsed()
    {
        // A 協定 that agreed 30 h a month: 27 h is 90%.
        var report = OvertimeAgreementChecker.Check(OvertimeAgreement.Standard with { MonthlyLimitMinutes = 30 * 60 }, Months("2026-06-01", (27, 0)), Day("2026-06-01"));

        Assert.Equal(AlertLevel.Warning, report[OvertimeLimit.Monthly]!.Level);
        Assert.Equal(42 * 60, OvertimeAgreement.LongVariablePeriod.MonthlyLimitMinutes);
    }
}
