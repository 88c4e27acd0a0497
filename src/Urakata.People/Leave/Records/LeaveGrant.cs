using System.Text.Json.Serialization;
using Urakata.Platform.Domain;

namespace Urakata.People.Leave.Records;

/// <summary>Where a grant comes from: the daily grant job, HR by hand, or the balance a company brought when it moved in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GrantSource>))]
public enum GrantSource
{
    Auto,
    Manual,
    OpeningBalance,
}

/// <summary>
/// One grant of 年次有給休暇 (<c>hr_leave_grants</c>), unique per employee and grant date so the grant job can run twice.
/// An automatic grant keeps its number in the schedule and the 8割 figures it was decided on; a failed 8割 test is
/// kept as a grant of 0 days (the decision is recorded, the job does not retry it, and the next grant still counts the
/// years of service — reference §6.1).
/// </summary>
public sealed class LeaveGrant : CompanyEntity
{
    /// <summary>20 + 20 days is the most a full-timer can hold (reference §6.2); a single grant above 40 is a typing error.</summary>
    public const decimal MaxDays = 40m;

    private LeaveGrant() { }

    private LeaveGrant(Guid employeeId, DateOnly grantDate, decimal days, GrantSource source)
    {
        (EmployeeId, GrantDate, Days, Source) = (employeeId, grantDate, days, source);
    }

    public Guid EmployeeId { get; private set; }
    public DateOnly GrantDate { get; private set; }
    public decimal Days { get; private set; }
    public GrantSource Source { get; private set; }
    /// <summary>The grant's place in the statutory schedule (1 = after 6 months); null for a manual grant.</summary>
    public int? GrantNumber { get; private set; }
    /// <summary>8割 test: 出勤日 (attended, deemed attended included) and 全労働日 of the period before the grant.</summary>
    public int? AttendedDays { get; private set; }
    public int? TotalWorkDays { get; private set; }
    public string? Note { get; private set; }

    /// <summary>労基法115条: usable for two years; this is the first day it is no longer usable.</summary>
    public DateOnly ExpiresOn => GrantDate.AddYears(2);

    public static LeaveGrant Auto(Guid employeeId, ScheduledGrant scheduled, int days, AttendanceRate rate)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        ArgumentNullException.ThrowIfNull(rate);
        return new LeaveGrant(employeeId, scheduled.GrantDate, days, GrantSource.Auto)
        {
            GrantNumber = scheduled.Number,
            AttendedDays = rate.AttendedDays,
            TotalWorkDays = rate.TotalWorkDays,
        };
    }

    /// <summary>A grant HR records by hand (a correction, 前倒し, or the remaining balance of a company moving in).</summary>
    public static LeaveGrant Manual(Guid employeeId, DateOnly grantDate, decimal days, GrantSource source, string? note)
    {
        if (source == GrantSource.Auto)
        {
            throw new DomainException(PeopleMessages.LeaveGrantSourceInvalid, "source");
        }
        if (days <= 0 || days > MaxDays || days * 2 != decimal.Truncate(days * 2))
        {
            throw new DomainException(PeopleMessages.LeaveGrantDaysInvalid, "days");
        }
        if (note is { Length: > 200 })
        {
            throw new DomainException(PeopleMessages.LeaveGrantNoteTooLong, "note");
        }
        return new LeaveGrant(employeeId, grantDate, days, source) { Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
    }

    /// <summary>The grant as the ledger reads it; null for a failed 8割 test (nothing to use).</summary>
    public PaidLeaveGrant? ToLedger() => Days > 0 ? new PaidLeaveGrant(GrantDate, Days) : null;
}
