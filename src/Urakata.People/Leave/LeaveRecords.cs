using System.Text.Json.Serialization;

namespace Urakata.People.Leave;

/// <summary>How much of a day a taking of paid leave is: a day, a half day (半日単位), or hours (時間単位年休).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LeaveUnit>))]
public enum LeaveUnit
{
    FullDay,
    HalfDay,
    Hours,
}

/// <summary>Which half of the day a 半日単位 taking is: 午前 or 午後.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DayHalf>))]
public enum DayHalf
{
    Morning,
    Afternoon,
}

/// <summary>Who set the date: the employee (時季指定権), a 計画的付与 agreement (39条6項), or the employer's 時季指定 (39条7項).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LeaveSource>))]
public enum LeaveSource
{
    Requested,
    Planned,
    Designated,
}

/// <summary>
/// One grant of 年次有給休暇. 労基法115条 (reference §6.2): the right lapses 2 years after the grant, so
/// <see cref="ExpiresOn"/> is the first day it can no longer be used (granted 2026-04-01 → usable through 2028-03-31).
/// </summary>
public sealed record PaidLeaveGrant(DateOnly GrantDate, decimal Days)
{
    public DateOnly ExpiresOn => GrantDate.AddYears(2);

    public bool IsUsableOn(DateOnly date) => GrantDate <= date && date < ExpiresOn;
}

/// <summary>Paid leave taken on one date; <see cref="Hours"/> only for <see cref="LeaveUnit.Hours"/>.</summary>
public sealed record LeaveTaking(DateOnly Date, LeaveUnit Unit, int Hours = 0, LeaveSource Source = LeaveSource.Requested)
{
    public static LeaveTaking FullDay(DateOnly date, LeaveSource source = LeaveSource.Requested) => new(date, LeaveUnit.FullDay, 0, source);

    public static LeaveTaking HalfDay(DateOnly date, LeaveSource source = LeaveSource.Requested) => new(date, LeaveUnit.HalfDay, 0, source);

    public static LeaveTaking ForHours(DateOnly date, int hours) => new(date, LeaveUnit.Hours, hours);

    /// <summary>
    /// What the taking counts toward the 年5日 duty (39条8項, reference §6.2): a day 1, a half day 0.5, hour-unit
    /// leave nothing.
    /// </summary>
    public decimal DaysTowardFiveDayObligation => Unit switch
    {
        LeaveUnit.FullDay => 1m,
        LeaveUnit.HalfDay => 0.5m,
        LeaveUnit.Hours => 0m,
        _ => throw new InvalidOperationException($"Unknown leave unit {Unit}."),
    };

    internal int MinutesOf(int hoursPerDay) => Unit switch
    {
        LeaveUnit.FullDay => hoursPerDay * 60,
        LeaveUnit.HalfDay => hoursPerDay * 30,
        LeaveUnit.Hours => Hours * 60,
        _ => throw new InvalidOperationException($"Unknown leave unit {Unit}."),
    };
}
