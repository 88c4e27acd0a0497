using System.Text.Json.Serialization;

namespace Urakata.People.Attendance;

/// <summary>What kind of day a work date is under the work rule.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DayKind>))]
public enum DayKind
{
    /// <summary>所定労働日: a scheduled working day.</summary>
    WorkDay,

    /// <summary>所定休日: a day off that is not the 法定休日; work on it is overtime toward the 40-hour week, not 休日労働.</summary>
    ScheduledRestDay,

    /// <summary>法定休日 (35条): the weekly rest day; all work on it is 法定休日労働.</summary>
    StatutoryRestDay,
}

/// <summary>
/// A stretch between two clock records (出勤〜退勤, or a break), in Japan local time. A missing end (退勤 not
/// clocked) is kept as null and flagged, never guessed.
/// </summary>
public readonly record struct ClockSpan(DateTime Start, DateTime? End);

/// <summary>
/// One work date's clock records. A shift that crosses midnight belongs to the date it started on: its
/// <see cref="Work"/> spans simply end on the next calendar day. <see cref="ScheduledMinutes"/> is the day's 所定労働時間
/// (at most 8 hours; not used on rest days).
/// </summary>
public sealed record ClockedDay(DateOnly Date, DayKind Kind, int ScheduledMinutes, IReadOnlyList<ClockSpan> Work)
{
    public IReadOnlyList<ClockSpan> Breaks { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<AttendanceWarningKind>))]
public enum AttendanceWarningKind
{
    /// <summary>Less break than 34条 requires for the hours worked.</summary>
    BreakTooShort,

    /// <summary>A clock-in without its clock-out: the span is not counted until corrected.</summary>
    MissingClockOut,

    /// <summary>
    /// フレックス: a work day (without leave) clocked in after the コアタイム starts or out before it ends; the minutes are the
    /// core's and those of it between clock-in and clock-out. Counted as worked all the same.
    /// </summary>
    CoreTimeNotCovered,
}

/// <summary>A finding on a day that does not stop the classification; minutes where they apply.</summary>
public sealed record AttendanceWarning(AttendanceWarningKind Kind, int RequiredMinutes = 0, int ActualMinutes = 0);

/// <summary>
/// A day's working time by category, in minutes. <see cref="WithinScheduledMinutes"/>, the two overtimes and
/// <see cref="StatutoryRestDayWorkMinutes"/> add up to <see cref="WorkedMinutes"/>; <see cref="NightMinutes"/> is counted
/// on top of them (深夜 is a premium on whatever hour it falls in).
/// </summary>
public sealed record DailyHours(DateOnly Date, DayKind Kind)
{
    public int WorkedMinutes { get; init; }

    /// <summary>Break time inside the working day, including gaps between clock-out and the next clock-in.</summary>
    public int BreakMinutes { get; init; }

    /// <summary>所定内: work within the day's scheduled hours.</summary>
    public int WithinScheduledMinutes { get; init; }

    /// <summary>法定内残業: beyond the scheduled hours, within 8 hours a day and the 40-hour week.</summary>
    public int NonStatutoryOvertimeMinutes { get; init; }

    /// <summary>法定外残業 (時間外労働): beyond 8 hours a day or 40 hours a week.</summary>
    public int StatutoryOvertimeMinutes { get; init; }

    /// <summary>The part of <see cref="StatutoryOvertimeMinutes"/> that the 40-hour week made overtime.</summary>
    public int WeeklyOvertimeMinutes { get; init; }

    /// <summary>深夜労働: work between 22:00 and 05:00, in addition to the categories above.</summary>
    public int NightMinutes { get; init; }

    /// <summary>法定休日労働: all work on the 法定休日.</summary>
    public int StatutoryRestDayWorkMinutes { get; init; }

    /// <summary>Scheduled time not worked on a work day (遅刻・早退・欠勤).</summary>
    public int ShortfallMinutes { get; init; }

    public IReadOnlyList<AttendanceWarning> Warnings { get; init; } = [];
}
