using Urakata.Platform.Domain;

namespace Urakata.People.Leave;

/// <summary>One grant on a date: what of it was used, what is left, and whether it has lapsed (時効).</summary>
public sealed record GrantBalance(PaidLeaveGrant Grant, LeaveAmount Used, LeaveAmount Remaining, bool Expired);

/// <summary>
/// Paid leave on a date: what can still be taken (<see cref="Remaining"/>, grants not yet lapsed), what lapsed unused
/// by then (<see cref="Lapsed"/>), each grant, and the hourly leave booked in the leave year holding the date (later
/// dates of that year included: they use the same cap) against the cap.
/// </summary>
public sealed record LeaveBalance(
    DateOnly On,
    LeaveAmount Remaining,
    LeaveAmount Lapsed,
    IReadOnlyList<GrantBalance> Grants,
    int HourlyHoursTaken,
    int HourlyHoursCap);

/// <summary>
/// An employee's 年次有給休暇: grants and takings, with the rules of 労基法39条 and 115条 (reference §6.2).
/// Takings use the oldest usable grant first (the carried-over days; FIFO is the company rule the reference names)
/// and are replayed in date order, so a taking approved for next month and one for next week end up where the
/// calendar puts them. A taking that the balance, the hourly cap or the day cannot hold is refused with a
/// <see cref="DomainException"/> and nothing changes.
/// </summary>
public sealed class LeaveLedger
{
    /// <summary>39条4項: hourly leave up to 5 days' worth a year (the 労使協定 may allow fewer, or none).</summary>
    public const int StatutoryHourlyLeaveDays = 5;

    private readonly List<PaidLeaveGrant> _grants = [];
    private readonly List<LeaveTaking> _takings = [];

    /// <param name="scheduledMinutesPerDay">所定労働時間 of a day (for irregular days, the average).</param>
    /// <param name="hourlyLeaveDaysPerYear">Days' worth of hourly leave a year in the 労使協定: 0 (no agreement) to 5.</param>
    public LeaveLedger(int scheduledMinutesPerDay, int hourlyLeaveDaysPerYear = StatutoryHourlyLeaveDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scheduledMinutesPerDay, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hourlyLeaveDaysPerYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hourlyLeaveDaysPerYear, StatutoryHourlyLeaveDays);

        // 39条4項 (reference §6.2): a day of leave in hours is the scheduled daily hours, fractions rounded up: 7.5 h → 8 h.
        HoursPerDay = (scheduledMinutesPerDay + 59) / 60;
        HourlyLeaveDaysPerYear = hourlyLeaveDaysPerYear;
    }

    public int HoursPerDay { get; }

    public int HourlyLeaveDaysPerYear { get; }

    /// <summary>5 days × 8 h = 40 h; with 7.5-hour days also 40 h (rounded up to 8).</summary>
    public int HourlyLeaveCapHours => HourlyLeaveDaysPerYear * HoursPerDay;

    public IReadOnlyList<PaidLeaveGrant> Grants => _grants;

    public IReadOnlyList<LeaveTaking> Takings => _takings;

    private int MinutesPerDay => HoursPerDay * 60;

    public void AddGrant(PaidLeaveGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.Days <= 0 || grant.Days * 2 != decimal.Truncate(grant.Days * 2))
        {
            throw new ArgumentOutOfRangeException(nameof(grant), grant.Days, "A grant is a positive number of whole or half days.");
        }

        _grants.Add(grant);
    }

    /// <summary>Records a taking, or refuses it (nothing changes) when it does not fit.</summary>
    public void Take(LeaveTaking taking)
    {
        ArgumentNullException.ThrowIfNull(taking);
        if ((taking.Unit == LeaveUnit.Hours) != (taking.Hours > 0) || taking.Hours < 0)
        {
            throw new ArgumentException("Hours are given for, and only for, hourly leave.", nameof(taking));
        }

        var minutes = taking.MinutesOf(HoursPerDay);
        var sameDay = _takings.Where(t => t.Date == taking.Date).Sum(t => t.MinutesOf(HoursPerDay));
        if (sameDay + minutes > MinutesPerDay)
        {
            throw new DomainException(PeopleMessages.Format(PeopleMessages.DayAlreadyTaken, PeopleMessages.Date(taking.Date)), "date");
        }

        if (taking.Unit == LeaveUnit.Hours)
        {
            EnsureWithinHourlyCap(taking);
        }

        if (Allocate(_takings.Append(taking)).Shortfall is not null)
        {
            var free = Allocate(_takings).Remaining
                .Where(kv => kv.Key.IsUsableOn(taking.Date))
                .Sum(kv => kv.Value);
            throw new DomainException(
                PeopleMessages.Format(
                    PeopleMessages.InsufficientBalance,
                    PeopleMessages.Date(taking.Date),
                    Amount(free).Display(),
                    Amount(minutes).Display()),
                "days");
        }

        _takings.Add(taking);
    }

    /// <summary>The balance on <paramref name="date"/>, counting the takings up to and including that date.</summary>
    public LeaveBalance BalanceOn(DateOnly date)
    {
        var remaining = Allocate(_takings.Where(t => t.Date <= date)).Remaining;
        var grants = _grants
            .Where(g => g.GrantDate <= date)
            .OrderBy(g => g.GrantDate)
            .Select(g => new GrantBalance(
                g,
                Amount(GrantedMinutes(g) - remaining[g]),
                Amount(remaining[g]),
                Expired: date >= g.ExpiresOn))
            .ToList();
        return new LeaveBalance(
            date,
            Amount(grants.Where(g => !g.Expired).Sum(g => g.Remaining.Minutes)),
            Amount(grants.Where(g => g.Expired).Sum(g => g.Remaining.Minutes)),
            grants,
            HourlyLeaveYear(date) is { } year ? HourlyHoursIn(year.Start, year.End) : 0,
            HourlyLeaveCapHours);
    }

    /// <summary>
    /// What is left to request on <paramref name="date"/>: the grants usable that day, less every recorded taking — the
    /// approved leave still to come included, so an approval lowers the figure at once (残日数, 取得予定を差し引き).
    /// </summary>
    public LeaveAmount AvailableOn(DateOnly date)
    {
        var remaining = Allocate(_takings).Remaining;
        return Amount(_grants.Where(g => g.IsUsableOn(date)).Sum(g => remaining[g]));
    }

    /// <summary>
    /// The year the hourly cap counts over: from the latest grant on or before the date to the day before the next
    /// grant (at most a year) — the year of the grant, as 労使協定 commonly define it; carried-over hours count in it.
    /// </summary>
    private (DateOnly Start, DateOnly End)? HourlyLeaveYear(DateOnly date)
    {
        var starts = _grants.Select(g => g.GrantDate).Where(d => d <= date).ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        var start = starts.Max();
        var next = _grants.Select(g => g.GrantDate).Where(d => d > start).DefaultIfEmpty(DateOnly.MaxValue).Min();
        var end = start.AddYears(1) < next ? start.AddYears(1) : next;
        return (start, end);
    }

    private int HourlyHoursIn(DateOnly start, DateOnly endExclusive) =>
        _takings.Where(t => t.Unit == LeaveUnit.Hours && t.Date >= start && t.Date < endExclusive).Sum(t => t.Hours);

    private void EnsureWithinHourlyCap(LeaveTaking taking)
    {
        if (HourlyLeaveDaysPerYear == 0)
        {
            throw new DomainException(PeopleMessages.HourlyLeaveNotAllowed, "hours");
        }

        // No grant yet means no balance either: the balance check below says so.
        if (HourlyLeaveYear(taking.Date) is not { } year)
        {
            return;
        }

        var taken = HourlyHoursIn(year.Start, year.End);
        if (taken + taking.Hours > HourlyLeaveCapHours)
        {
            throw new DomainException(
                PeopleMessages.Format(
                    PeopleMessages.HourlyLeaveCap, HourlyLeaveCapHours, HourlyLeaveDaysPerYear, PeopleMessages.Date(year.Start), taken),
                "hours");
        }
    }

    /// <summary>Replays takings in date order against the grants usable on each date, oldest grant first.</summary>
    private (Dictionary<PaidLeaveGrant, int> Remaining, LeaveTaking? Shortfall) Allocate(IEnumerable<LeaveTaking> takings)
    {
        // By reference: two grants of the same days on the same date are still two grants.
        var remaining = new Dictionary<PaidLeaveGrant, int>(ReferenceEqualityComparer.Instance);
        foreach (var grant in _grants)
        {
            remaining[grant] = GrantedMinutes(grant);
        }

        var oldestFirst = _grants.OrderBy(g => g.GrantDate).ToList();
        foreach (var taking in takings.OrderBy(t => t.Date))
        {
            var need = taking.MinutesOf(HoursPerDay);
            foreach (var grant in oldestFirst.Where(g => g.IsUsableOn(taking.Date)))
            {
                var used = Math.Min(need, remaining[grant]);
                remaining[grant] -= used;
                need -= used;
            }

            if (need > 0)
            {
                return (remaining, taking);
            }
        }

        return (remaining, null);
    }

    private int GrantedMinutes(PaidLeaveGrant grant) => decimal.ToInt32(grant.Days * MinutesPerDay);

    private LeaveAmount Amount(int minutes) => new(minutes, HoursPerDay);
}
