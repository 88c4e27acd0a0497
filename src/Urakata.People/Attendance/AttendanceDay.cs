using System.Text.Json.Serialization;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;

namespace Urakata.People.Attendance;

/// <summary>打刻の種類: 出勤, 退勤, 休憩開始, 休憩終了.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClockKind>))]
public enum ClockKind
{
    In,
    Out,
    BreakStart,
    BreakEnd,
}

/// <summary>A stretch of a work date: work (出勤〜退勤) or a break.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpanKind>))]
public enum SpanKind
{
    Work,
    Break,
}

/// <summary>
/// One employee's clock records of one work date (<c>hr_attendance_days</c>, spans in <c>hr_attendance_spans</c>). A shift
/// crossing midnight stays on the date it started; an open span (退勤 not clocked) is kept open and flagged, never closed
/// by a guess. Every change is checked with <see cref="DailyClassifier"/> before it is made, so an overlapping record is
/// refused with nothing changed. Instants are stored in UTC and read in Japan time.
/// </summary>
public sealed class AttendanceDay : CompanyEntity
{
    /// <summary>The longest a shift may run (<see cref="DailyClassifier"/> refuses a working day beyond 24 hours).</summary>
    public static readonly TimeSpan LongestShift = TimeSpan.FromHours(24);

    private readonly List<AttendanceSpan> _spans = [];

    private AttendanceDay() { }

    public AttendanceDay(Guid employeeId, DateOnly date) => (EmployeeId, Date) = (employeeId, date);

    public Guid EmployeeId { get; private set; }
    public DateOnly Date { get; private set; }
    public IReadOnlyList<AttendanceSpan> Spans => _spans;

    internal AttendanceSpan? OpenWork => _spans.FirstOrDefault(s => s.Kind == SpanKind.Work && s.EndUtc is null);
    internal AttendanceSpan? OpenBreak => _spans.FirstOrDefault(s => s.Kind == SpanKind.Break && s.EndUtc is null);

    /// <summary>Applies one clock action at <paramref name="atUtc"/>; throws a <see cref="DomainException"/> and changes nothing when it does not fit.</summary>
    public void Clock(ClockKind kind, DateTime atUtc)
    {
        if (atUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Clock instants are UTC.", nameof(atUtc));
        }

        atUtc = new DateTime(atUtc.Ticks - (atUtc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var candidate = _spans.Select(s => s.Copy()).ToList();
        var openWork = candidate.FirstOrDefault(s => s.Kind == SpanKind.Work && s.EndUtc is null);
        var openBreak = candidate.FirstOrDefault(s => s.Kind == SpanKind.Break && s.EndUtc is null);
        switch (kind)
        {
            case ClockKind.In:
                if (openWork is not null)
                {
                    throw new DomainException(PeopleMessages.Format(PeopleMessages.AlreadyClockedIn, PeopleMessages.Time(Local(openWork.StartUtc))), "kind");
                }

                if (candidate.FirstOrDefault(s => s.Kind == SpanKind.Work && s.EndUtc > atUtc) is { } overlapped)
                {
                    throw new DomainException(PeopleMessages.Format(PeopleMessages.ClockOverlap, PeopleMessages.Time(Local(atUtc)), PeopleMessages.Time(Local(overlapped.EndUtc!.Value))), "at");
                }

                candidate.Add(new AttendanceSpan(this, SpanKind.Work, atUtc));
                break;
            case ClockKind.Out:
                EnsureAfterLast(RequireOpenWork(openWork), candidate, atUtc);
                openBreak?.Close(atUtc);
                openWork!.Close(atUtc);
                break;
            case ClockKind.BreakStart:
                EnsureAfterLast(RequireOpenWork(openWork), candidate, atUtc);
                if (openBreak is not null)
                {
                    throw new DomainException(PeopleMessages.Format(PeopleMessages.BreakAlreadyStarted, PeopleMessages.Time(Local(openBreak.StartUtc))), "kind");
                }

                candidate.Add(new AttendanceSpan(this, SpanKind.Break, atUtc));
                break;
            case ClockKind.BreakEnd:
                if (openBreak is null)
                {
                    throw new DomainException(PeopleMessages.NoBreakStarted, "kind");
                }

                EnsureAfterLast(openBreak, candidate, atUtc);
                openBreak.Close(atUtc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        if (candidate.Any(s => s.Kind == SpanKind.Work) && (Local(candidate.Max(s => s.EndUtc ?? s.StartUtc)) - Local(candidate.Min(s => s.StartUtc))) > LongestShift)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.WorkDayTooLong, PeopleMessages.Time(Local(candidate.Min(s => s.StartUtc))), PeopleMessages.Time(Local(atUtc))), "at");
        }

        if (candidate.All(s => s.EndUtc is not null))
        {
            // Overlaps, breaks outside the work, a shift starting off its date: DailyClassifier's refusals (32条, 34条).
            DailyClassifier.Classify(ToClockedDay(candidate, DayKind.WorkDay, 0));
        }

        var added = candidate.Skip(_spans.Count).ToList();
        for (var i = 0; i < _spans.Count; i++)
        {
            _spans[i].EndUtc = candidate[i].EndUtc;
        }

        _spans.AddRange(added);
    }

    /// <summary>
    /// 打刻修正: replaces every span of the date with <paramref name="corrected"/> (UTC), after the same checks as a clock —
    /// each span ends after it starts, no overlaps, breaks inside the work, the shift starts on the date and lasts at most
    /// 24 hours (<see cref="DailyClassifier"/>). Throws a <see cref="DomainException"/> and changes nothing when it does
    /// not fit; returns the spans it replaced.
    /// </summary>
    public IReadOnlyList<AttendanceSpan> Correct(IReadOnlyList<(SpanKind Kind, DateTime StartUtc, DateTime EndUtc)> corrected)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        if (corrected.Any(s => s.StartUtc.Kind != DateTimeKind.Utc || s.EndUtc.Kind != DateTimeKind.Utc))
        {
            throw new ArgumentException("Clock instants are UTC.", nameof(corrected));
        }

        var candidate = corrected.Select(s =>
        {
            var span = new AttendanceSpan(this, s.Kind, Minute(s.StartUtc));
            span.Close(Minute(s.EndUtc));
            return span;
        }).ToList();
        if (!candidate.Any(s => s.Kind == SpanKind.Work))
        {
            throw new DomainException(PeopleMessages.NotClockedIn, "start");
        }

        // ToClockedDay leaves out breaks outside the work (they belong to a missing clock-out there); here they are wrong.
        var work = candidate.Where(s => s.Kind == SpanKind.Work).ToList();
        foreach (var b in candidate.Where(s => s.Kind == SpanKind.Break && !work.Any(w => w.StartUtc <= s.StartUtc && s.EndUtc <= w.EndUtc)))
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.BreakOutsideWork, PeopleMessages.Time(Local(b.StartUtc)), PeopleMessages.Time(Local(b.EndUtc!.Value))), "breaks");
        }

        DailyClassifier.Classify(ToClockedDay(candidate, DayKind.WorkDay, 0));
        var original = _spans.Select(s => s.Copy()).ToList();
        _spans.Clear();
        _spans.AddRange(candidate);
        return original;
    }

    private static DateTime Minute(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    /// <summary>The day as the classifier reads it. Breaks inside a span whose clock-out is missing are left out with it.</summary>
    public ClockedDay ToClockedDay(DayKind kind, int scheduledMinutes) => ToClockedDay(_spans, kind, scheduledMinutes);

    private ClockedDay ToClockedDay(List<AttendanceSpan> spans, DayKind kind, int scheduledMinutes) =>
        ToClockedDay(Date, [.. spans.Select(s => s.ToRecord())], kind, scheduledMinutes);

    /// <summary>
    /// A date's spans as the classifier reads them, from <see cref="SpanRecord"/>s read without their entities (the 勤務表 of
    /// a department reads thousands). Breaks inside a span whose clock-out is missing are left out with it.
    /// </summary>
    public static ClockedDay ToClockedDay(DateOnly date, IReadOnlyList<SpanRecord> spans, DayKind kind, int scheduledMinutes)
    {
        ArgumentNullException.ThrowIfNull(spans);
        // Loops rather than LINQ: a department's month reads thousands of days per page load.
        var work = new List<SpanRecord>(spans.Count);
        foreach (var s in spans)
        {
            if (s.Kind == SpanKind.Work)
            {
                work.Add(s);
            }
        }

        var breaks = new List<SpanRecord>(spans.Count - work.Count);
        foreach (var s in spans)
        {
            if (s.Kind == SpanKind.Break && s.EndUtc is not null && InsideClosedWork(work, s))
            {
                breaks.Add(s);
            }
        }

        return new ClockedDay(date, kind, scheduledMinutes, ToClockSpans(work)) { Breaks = ToClockSpans(breaks) };
    }

    private static bool InsideClosedWork(List<SpanRecord> work, SpanRecord span)
    {
        foreach (var w in work)
        {
            if (w.EndUtc is not null && w.StartUtc <= span.StartUtc && span.EndUtc <= w.EndUtc)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The spans in start order, in Japan time.</summary>
    private static ClockSpan[] ToClockSpans(List<SpanRecord> spans)
    {
        spans.Sort(static (a, b) => a.StartUtc.CompareTo(b.StartUtc));
        var result = new ClockSpan[spans.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ClockSpan(Local(spans[i].StartUtc), spans[i].EndUtc is { } e ? Local(e) : null);
        }

        return result;
    }

    public static DateTime Local(DateTime utc) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), JapanTime.Zone), DateTimeKind.Unspecified);

    private static AttendanceSpan RequireOpenWork(AttendanceSpan? openWork) =>
        openWork ?? throw new DomainException(PeopleMessages.NotClockedIn, "kind");

    private static void EnsureAfterLast(AttendanceSpan open, List<AttendanceSpan> spans, DateTime atUtc)
    {
        var last = spans.Where(s => s.StartUtc >= open.StartUtc).Max(s => s.EndUtc is { } e && e > s.StartUtc ? e : s.StartUtc);
        if (atUtc <= last)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.ClockEndBeforeStart, PeopleMessages.Time(Local(last)), PeopleMessages.Time(Local(atUtc))), "at");
        }
    }
}

/// <summary>A work or break span of an <see cref="AttendanceDay"/>; <see cref="EndUtc"/> is null until clocked.</summary>
public sealed class AttendanceSpan : CompanyEntity
{
    private AttendanceSpan() { }

    internal AttendanceSpan(AttendanceDay day, SpanKind kind, DateTime startUtc) =>
        (AttendanceDayId, EmployeeId, Date, Kind, StartUtc) = (day.Id, day.EmployeeId, day.Date, kind, startUtc);

    public Guid AttendanceDayId { get; private set; }

    /// <summary>The day's employee and work date, copied from the day (which never changes them): a department's month is read from the spans alone.</summary>
    public Guid EmployeeId { get; private set; }

    /// <inheritdoc cref="EmployeeId"/>
    public DateOnly Date { get; private set; }

    public SpanKind Kind { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime? EndUtc { get; internal set; }

    internal void Close(DateTime endUtc) => EndUtc = endUtc;

    internal AttendanceSpan Copy() => new() { Id = Id, AttendanceDayId = AttendanceDayId, EmployeeId = EmployeeId, Date = Date, Kind = Kind, StartUtc = StartUtc, EndUtc = EndUtc };

    public SpanRecord ToRecord() => new(Kind, StartUtc, EndUtc);
}

/// <summary>What an <see cref="AttendanceSpan"/> holds for reading (the 勤務表, the close), without the entity.</summary>
public readonly record struct SpanRecord(SpanKind Kind, DateTime StartUtc, DateTime? EndUtc);

/// <summary>
/// 勤怠締め of a department's month, or the whole company's (<see cref="DepartmentId"/> null) — <c>hr_attendance_closes</c>:
/// who closed it and when, and, once reopened, who, when and why (the audit trail keeps each change). The employees it
/// closed each have an <see cref="AttendanceMonthTotals"/> row pointing here; that row is what locks their month against
/// clocks and corrections, and reopening removes it.
/// </summary>
public sealed class AttendanceClose : CompanyEntity
{
    private AttendanceClose() { }

    public AttendanceClose(Guid? departmentId, DateOnly month, Guid closedBy, DateTime closedAtUtc) =>
        (DepartmentId, Month, ClosedBy, ClosedAt) = (departmentId, new DateOnly(month.Year, month.Month, 1), closedBy, closedAtUtc);

    /// <summary>The closed department (its own employees); null for the whole company.</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>The first day of the closed month.</summary>
    public DateOnly Month { get; private set; }

    public Guid ClosedBy { get; private set; }
    public DateTime ClosedAt { get; private set; }
    public Guid? ReopenedBy { get; private set; }
    public DateTime? ReopenedAt { get; private set; }
    public string? ReopenReason { get; private set; }

    public const int MaxReasonLength = 500;

    public bool IsActive => ReopenedAt is null;

    /// <summary>締め解除: needs a reason, kept on the row (and so in the audit diff).</summary>
    public void Reopen(Guid by, DateTime atUtc, string? reason)
    {
        if (!IsActive)
        {
            throw new ConflictException(PeopleMessages.CloseAlreadyReopened);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new DomainException(PeopleMessages.ReopenReasonRequired, "reason");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.ReopenReasonTooLong, MaxReasonLength), "reason");
        }

        (ReopenedBy, ReopenedAt, ReopenReason) = (by, atUtc, reason);
    }
}
