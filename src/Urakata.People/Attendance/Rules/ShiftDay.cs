using System.Text.Json.Serialization;
using Urakata.Platform.Domain;

namespace Urakata.People.Attendance;

/// <summary>What a シフト says of a date.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShiftKind>))]
public enum ShiftKind
{
    /// <summary>A work day with its 所定 start, end and break.</summary>
    Work,

    /// <summary>所定休日.</summary>
    RestDay,

    /// <summary>法定休日 (35条): all work on it is 法定休日労働.</summary>
    StatutoryRestDay,
}

/// <summary>
/// One date of an employee's シフト under 1か月単位の変形労働時間制 (<c>hr_shifts</c>, one per employee and date): the
/// scheduled start, end and break fixed in advance (32条の2), or a day off. An end at or before the start is on the next
/// day (a night shift). Dates without a shift follow the work rule's standard week.
/// </summary>
public sealed class ShiftDay : CompanyEntity
{
    private ShiftDay() { }

    public ShiftDay(Guid employeeId, DateOnly date, ShiftKind kind, TimeOnly? start = null, TimeOnly? end = null, int breakMinutes = 0)
    {
        EmployeeId = employeeId;
        Date = date;
        Set(kind, start, end, breakMinutes);
    }

    public Guid EmployeeId { get; private set; }
    public DateOnly Date { get; private set; }
    public ShiftKind Kind { get; private set; }
    public TimeOnly? Start { get; private set; }
    public TimeOnly? End { get; private set; }
    public int BreakMinutes { get; private set; }

    /// <summary>所定労働時間 of the date: end − start − break (0 on a day off).</summary>
    public int ScheduledMinutes => Minutes(Kind, Start, End, BreakMinutes);

    public DayKind DayKind => Kind switch
    {
        ShiftKind.Work => DayKind.WorkDay,
        ShiftKind.RestDay => DayKind.ScheduledRestDay,
        ShiftKind.StatutoryRestDay => DayKind.StatutoryRestDay,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>A work shift needs a start and an end with time left after the break; a day off has neither.</summary>
    public void Set(ShiftKind kind, TimeOnly? start, TimeOnly? end, int breakMinutes)
    {
        if (kind == ShiftKind.Work)
        {
            if (start is null || end is null || breakMinutes < 0 || Minutes(kind, start, end, breakMinutes) <= 0)
            {
                throw new DomainException(PeopleMessages.Format(PeopleMessages.ShiftInvalid, PeopleMessages.Date(Date)), "start");
            }
        }
        else
        {
            (start, end, breakMinutes) = (null, null, 0);
        }

        (Kind, Start, End, BreakMinutes) = (kind, start, end, breakMinutes);
    }

    private static int Minutes(ShiftKind kind, TimeOnly? start, TimeOnly? end, int breakMinutes)
    {
        if (kind != ShiftKind.Work || start is not { } s || end is not { } e)
        {
            return 0;
        }

        var span = (int)(e - s).TotalMinutes; // TimeOnly subtraction wraps past midnight: 22:00 → 07:00 is 9 h.
        return (span == 0 ? 24 * 60 : span) - breakMinutes;
    }
}
