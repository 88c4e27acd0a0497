using Urakata.People.Leave;

namespace Urakata.Tests.People;

/// <summary>The 8割 test: reference §6.1 (出勤率 = 出勤日 ÷ 全労働日, what counts as attended, what is excluded) and §6.3.</summary>
public sealed class AttendanceRateTests
{
    [Theory]
    [InlineData(100, 80, true)]  // exactly 80%: passes
    [InlineData(100, 79, false)] // just under: fails
    [InlineData(122, 98, true)]  // 80.3%
    [InlineData(122, 97, false)] // 79.5%
    public void EightyPercent_Edge(int scheduled, int worked, bool passes)
    {
        var rate = AttendanceRateRule.Compute(new AttendanceRateInput(scheduled, worked));

        Assert.Equal(passes, rate.MeetsEightyPercent);
        Assert.Equal((worked, scheduled), (rate.AttendedDays, rate.TotalWorkDays));
    }

    [Theory]
    [InlineData(NonWorkReason.PaidLeave)]
    [InlineData(NonWorkReason.WorkInjury)]
    [InlineData(NonWorkReason.MaternityLeave)]
    [InlineData(NonWorkReason.ChildcareLeave)]
    [InlineData(NonWorkReason.FamilyCareLeave)]
    public void LeaveAndProtectedAbsences_CountAsAttended(NonWorkReason reason)
    {
        // 60 days worked of 100 would fail; 25 days of this absence make it 85%.
        var rate = AttendanceRateRule.Compute(new AttendanceRateInput(100, 60) { NonWorkDays = new Dictionary<NonWorkReason, int> { [reason] = 25 } });

        Assert.Equal(85, rate.AttendedDays);
        Assert.True(rate.MeetsEightyPercent);
    }

    [Theory]
    [InlineData(NonWorkReason.EmployerCaused)]
    [InlineData(NonWorkReason.Strike)]
    public void EmployerCausedDaysAndStrikes_LeaveTheDenominator(NonWorkReason reason)
    {
        // 72 of 100 fails; with 10 days not 全労働日, 72 of 90 is exactly 80%.
        var rate = AttendanceRateRule.Compute(new AttendanceRateInput(100, 72) { NonWorkDays = new Dictionary<NonWorkReason, int> { [reason] = 10 } });

        Assert.Equal((72, 90), (rate.AttendedDays, rate.TotalWorkDays));
        Assert.True(rate.MeetsEightyPercent);
    }

    [Fact]
    public void OrdinaryAbsence_CountsAgainst()
    {
        var rate = AttendanceRateRule.Compute(new AttendanceRateInput(100, 78)
        {
            NonWorkDays = new Dictionary<NonWorkReason, int> { [NonWorkReason.Other] = 20, [NonWorkReason.PaidLeave] = 1 },
        });

        Assert.Equal((79, 100), (rate.AttendedDays, rate.TotalWorkDays));
        Assert.False(rate.MeetsEightyPercent);
    }

    [Fact]
    public void UniformDate_ShortenedPartCountsAsAttended()
    {
        // §6.3 (a): hired 2026-01-15, granted on the 2026-04-01 基準日 instead of 2026-07-15. 45 of 60 days so far is 75%;
        // the 62 scheduled days of 04-01…07-14 count as worked: 107 of 122 = 87.7%.
        var rate = AttendanceRateRule.Compute(new AttendanceRateInput(60, 45) { DeemedAttendedDays = 62 });

        Assert.Equal((107, 122), (rate.AttendedDays, rate.TotalWorkDays));
        Assert.True(rate.MeetsEightyPercent);
        Assert.False(AttendanceRateRule.Compute(new AttendanceRateInput(60, 45)).MeetsEightyPercent);
    }

    [Fact]
    public void MoreDaysThanScheduled_IsRefused()
    {
        var input = new AttendanceRateInput(100, 90) { NonWorkDays = new Dictionary<NonWorkReason, int> { [NonWorkReason.PaidLeave] = 11 } };

        Assert.Throws<ArgumentException>(() => AttendanceRateRule.Compute(input));
    }
}
