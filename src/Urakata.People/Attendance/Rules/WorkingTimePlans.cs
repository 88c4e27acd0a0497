using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance.Systems;
using Urakata.People.Employees;
using Urakata.Platform.Data;

namespace Urakata.People.Attendance;

/// <summary>
/// Each employee's work rule (their own, else the default) with what its system needs beyond the month of a 勤務表: the
/// days before it back to the start of the 清算期間 / 変形 period or of the rule's first week, the shifts of the 変形
/// periods touching the month, the company's days off over all of it, and the month's leave of those under a フレックス rule
/// with a コアタイム (a day of leave is not checked against it). Loaded once per 勤務表 build of <see cref="Timesheets"/>,
/// or for leave (<see cref="ScheduleAsync"/>) with only the shifts and days off of the dates leave asks about.
/// </summary>
internal sealed class WorkingTimePlans
{
    private readonly WorkRule _default;
    private readonly Dictionary<Guid, WorkRule> _rules;
    private readonly Dictionary<(Guid, DateOnly), ShiftDay> _shifts;
    private readonly Dictionary<Guid, Dictionary<DateOnly, List<SpanRecord>>> _earlier;
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<(Guid Employee, DateOnly Date)> _leave;
    private readonly Dictionary<(Guid Rule, DateOnly From, DateOnly Until), IReadOnlySet<DateOnly>> _ruleWorkDays = [];

    private WorkingTimePlans(WorkRule defaultRule, Dictionary<Guid, WorkRule> rules, Dictionary<(Guid, DateOnly), ShiftDay> shifts,
        Dictionary<Guid, Dictionary<DateOnly, List<SpanRecord>>> earlier, HashSet<DateOnly> daysOff, HashSet<(Guid, DateOnly)>? leave = null) =>
        (_default, _rules, _shifts, _earlier, _daysOff, _leave) = (defaultRule, rules, shifts, earlier, daysOff, leave ?? []);

    /// <summary>The rule an employee works under: their own when it exists, else the default.</summary>
    public WorkRule RuleOf(Employee employee) =>
        employee.WorkRuleId is { } id && _rules.TryGetValue(id, out var rule) ? rule : _default;

    /// <param name="from">The first date the caller loaded attendance for (the default rule's first week); earlier days are loaded here when a rule needs them.</param>
    /// <param name="leave">Where the month's leave is read for the コアタイム check; null when the caller classifies no day (the シフト grid).</param>
    public static async Task<WorkingTimePlans> LoadAsync(UrakataDbContext db, Timesheets timesheets, ILeaveCalendar? leave, IReadOnlyList<Employee> employees,
        DateOnly first, DateOnly from, WorkRule defaultRule, CancellationToken ct)
    {
        var last = first.AddMonths(1).AddDays(-1);
        var rules = await RulesAsync(db, employees, ct);
        var plans = new WorkingTimePlans(defaultRule, rules, [], [], []);
        var (start, end) = (from, last.AddDays(1));
        var earlierFrom = new Dictionary<Guid, DateOnly>();
        var variable = new List<Guid>();
        var cored = new List<Guid>();
        foreach (var employee in employees)
        {
            var rule = plans.RuleOf(employee);
            var (needFrom, needTo) = Range(rule, first, last);
            (start, end) = (needFrom < start ? needFrom : start, needTo > end ? needTo : end);
            if (needFrom < from)
            {
                earlierFrom[employee.Id] = needFrom;
            }

            if (rule.TimeSystem == WorkingTimeSystem.MonthlyVariable)
            {
                variable.Add(employee.Id);
            }

            if (rule is { TimeSystem: WorkingTimeSystem.Flex, CoreStart: not null })
            {
                cored.Add(employee.Id);
            }
        }

        var earlierIds = earlierFrom.Keys.ToList();
        var earlier = earlierIds.Count == 0 || start >= from ? [] : await timesheets.SpansAsync(earlierIds, start, from.AddDays(-1), ct);
        foreach (var (id, days) in earlier)
        {
            days.Keys.Where(d => d < earlierFrom[id]).ToList().ForEach(d => days.Remove(d));
        }

        var onLeave = cored.Count == 0 || leave is null ? [] : (await leave.TakenAsync(cored, first, last, ct)).Select(l => (l.EmployeeId, l.Date)).ToHashSet();
        return new WorkingTimePlans(defaultRule, rules, await ShiftsAsync(db, variable, start, end, ct), earlier, await DaysOffAsync(db, start, end, ct), onLeave);
    }

    /// <summary>
    /// Each employee's rule with the シフト and the company's days off of <paramref name="from"/>..<paramref name="to"/>
    /// (inclusive; none: the rules only, enough for <see cref="WorkingTimePlan.MinutesPerDay"/>): which dates are 所定労働日
    /// and how long they are, as the 勤務表 reads them — what leave needs (休暇申請, 計画的付与, the 8割 test), without clock
    /// records. A handful of queries whatever the number of employees.
    /// </summary>
    public static async Task<WorkingTimePlans> ScheduleAsync(UrakataDbContext db, IReadOnlyCollection<Employee> employees, WorkRule defaultRule,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var rules = await RulesAsync(db, employees, ct);
        var plans = new WorkingTimePlans(defaultRule, rules, [], [], []);
        if (from is not { } start || to is not { } last || last < start)
        {
            return plans;
        }

        var variable = employees.Where(e => plans.RuleOf(e).TimeSystem == WorkingTimeSystem.MonthlyVariable).Select(e => e.Id).ToList();
        var end = last.AddDays(1);
        return new WorkingTimePlans(defaultRule, rules, await ShiftsAsync(db, variable, start, end, ct), [], await DaysOffAsync(db, start, end, ct));
    }

    /// <summary>The company's rules when an employee has one of their own (else only the default is needed).</summary>
    private static async Task<Dictionary<Guid, WorkRule>> RulesAsync(UrakataDbContext db, IEnumerable<Employee> employees, CancellationToken ct) =>
        employees.Any(e => e.WorkRuleId is not null) ? await db.Set<WorkRule>().AsNoTracking().ToDictionaryAsync(r => r.Id, ct) : [];

    /// <summary>The シフト of the 変形 employees in [start, end), <see cref="IdsPerQuery"/> employees a query.</summary>
    private static async Task<Dictionary<(Guid, DateOnly), ShiftDay>> ShiftsAsync(UrakataDbContext db, List<Guid> variable, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var shifts = new Dictionary<(Guid, DateOnly), ShiftDay>();
        foreach (var chunk in variable.Chunk(IdsPerQuery))
        {
            foreach (var shift in await db.Set<ShiftDay>().AsNoTracking().Where(s => chunk.Contains(s.EmployeeId) && s.Date >= start && s.Date < end).ToListAsync(ct))
            {
                shifts[(shift.EmployeeId, shift.Date)] = shift;
            }
        }

        return shifts;
    }

    private static async Task<HashSet<DateOnly>> DaysOffAsync(UrakataDbContext db, DateOnly start, DateOnly end, CancellationToken ct) =>
        (await db.CompanyHolidays.AsNoTracking().Where(h => h.Date >= start && h.Date < end).Select(h => h.Date).ToListAsync(ct)).ToHashSet();

    /// <summary>Employees per query of the シフト: a parameter each on SQLite.</summary>
    private const int IdsPerQuery = 1000;

    /// <summary>[from, to) of the dates a rule reads for the month <paramref name="first"/>..<paramref name="last"/>.</summary>
    private static (DateOnly From, DateOnly To) Range(WorkRule rule, DateOnly first, DateOnly last) => rule.TimeSystem switch
    {
        WorkingTimeSystem.Standard => (WeeklyOvertime.WeekStartOf(first, rule.WeekStart), last.AddDays(1)),
        WorkingTimeSystem.Flex => rule.FlexPeriodOf(first),
        WorkingTimeSystem.MonthlyVariable => (rule.VariablePeriodOf(first).Start, rule.VariablePeriodOf(last).End),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    public WorkingTimePlan For(Employee employee) => new(this, employee, RuleOf(employee));

    /// <summary>One employee's rule applied to their days.</summary>
    internal sealed class WorkingTimePlan(WorkingTimePlans plans, Employee employee, WorkRule rule)
    {
        public WorkRule Rule => rule;

        /// <summary>The standard day: the rule's, capped at the employee's own 所定労働 minutes.</summary>
        public int MinutesPerDay { get; } = Math.Min(employee.WorkMinutesPerDay ?? rule.ScheduledMinutes, rule.ScheduledMinutes);

        /// <summary>The stored シフト of a date under 変形, if any.</summary>
        public ShiftDay? ShiftOn(DateOnly date) =>
            rule.TimeSystem == WorkingTimeSystem.MonthlyVariable && plans._shifts.TryGetValue((employee.Id, date), out var shift) ? shift : null;

        public DayKind KindOf(DateOnly date) => ShiftOn(date)?.DayKind ?? rule.KindOf(date, plans._daysOff);

        /// <summary>
        /// The 所定労働日 from <paramref name="from"/> up to, not including, <paramref name="until"/> (dates the plans were
        /// loaded for). Without シフト only the rule's week decides, so everyone under one rule shares one set.
        /// </summary>
        public IReadOnlySet<DateOnly> WorkDays(DateOnly from, DateOnly until)
        {
            if (rule.TimeSystem != WorkingTimeSystem.MonthlyVariable && plans._ruleWorkDays.TryGetValue((rule.Id, from, until), out var shared))
            {
                return shared;
            }

            var days = new HashSet<DateOnly>();
            for (var d = from; d < until; d = d.AddDays(1))
            {
                if (KindOf(d) == DayKind.WorkDay)
                {
                    days.Add(d);
                }
            }

            if (rule.TimeSystem != WorkingTimeSystem.MonthlyVariable)
            {
                plans._ruleWorkDays[(rule.Id, from, until)] = days;
            }

            return days;
        }

        /// <summary>所定労働時間 of a date: the shift's under 変形, else the standard day on work days.</summary>
        public int ScheduledMinutesOn(DateOnly date) =>
            ShiftOn(date)?.ScheduledMinutes ?? (KindOf(date) == DayKind.WorkDay ? MinutesPerDay : 0);

        /// <summary>
        /// The month's days (from <paramref name="first"/>) classified under the rule's system, with the month's totals.
        /// <paramref name="records"/> are the caller's days of the month and of its first week; earlier ones the system
        /// needs come from the plans.
        /// </summary>
        public (Dictionary<DateOnly, DailyHours> Days, MonthlyHours Totals) Classify(IReadOnlyDictionary<DateOnly, List<SpanRecord>> records, DateOnly first, DateOnly last)
        {
            var all = records.Select(d => (Date: d.Key, Spans: (IReadOnlyList<SpanRecord>)d.Value)).ToList();
            if (plans._earlier.TryGetValue(employee.Id, out var earlier))
            {
                all.AddRange(earlier.Where(d => !records.ContainsKey(d.Key)).Select(d => (Date: d.Key, Spans: (IReadOnlyList<SpanRecord>)d.Value)));
            }

            return rule.TimeSystem switch
            {
                WorkingTimeSystem.Standard => Standard(all, first),
                WorkingTimeSystem.Flex => Flex(all, first, last),
                WorkingTimeSystem.MonthlyVariable => Variable(all, first, last),
                _ => throw new InvalidOperationException(rule.TimeSystem.ToString()),
            };
        }

        private DailyHours Daily((DateOnly Date, IReadOnlyList<SpanRecord> Spans) day) => DailyClassifier.Classify(Clocked(day));

        private ClockedDay Clocked((DateOnly Date, IReadOnlyList<SpanRecord> Spans) day) =>
            AttendanceDay.ToClockedDay(day.Date, day.Spans, KindOf(day.Date), Math.Min(ScheduledMinutesOn(day.Date), LabourStandards.Statutory.DailyLimitMinutes));

        /// <summary>フレックス: a work day without leave that does not cover the rule's コアタイム carries the warning.</summary>
        private DailyHours WithCoreTime((DateOnly Date, IReadOnlyList<SpanRecord> Spans) day)
        {
            var clocked = Clocked(day);
            var hours = DailyClassifier.Classify(clocked);
            return rule.CoreStart is { } coreStart && rule.CoreEnd is { } coreEnd && hours.Kind == DayKind.WorkDay && !plans._leave.Contains((employee.Id, day.Date))
                && FlexTime.CoreTimeWarning(clocked, coreStart, coreEnd) is { } warning
                ? hours with { Warnings = [.. hours.Warnings, warning] }
                : hours;
        }

        private (Dictionary<DateOnly, DailyHours>, MonthlyHours) Standard(List<(DateOnly Date, IReadOnlyList<SpanRecord> Spans)> records, DateOnly first)
        {
            var weekFrom = WeeklyOvertime.WeekStartOf(first, rule.WeekStart);
            var days = WeeklyOvertime.Apply(records.Where(d => d.Date >= weekFrom).Select(Daily), rule.WeekStart)
                .Where(d => d.Date >= first).ToDictionary(d => d.Date);
            return (days, MonthlyOvertime.Summarize(days.Values));
        }

        /// <summary>
        /// フレックス: no daily or weekly overtime — every hour of a day is 所定内 on the 勤務表; the month's 時間外 is the 50-hour
        /// excess in an earlier month of a longer period, and at the period's end month the settlement (<see cref="FlexTime.Settle"/>).
        /// An employee who joined or left inside the period is settled over the days employed (32条の3の2, in the month they
        /// left), and their 所定総労働時間 is the employed part's: the agreement's minutes a day × the 所定労働日 employed, or
        /// its period total × 所定労働日 employed ÷ the period's — so 不足 never counts days before joining or after leaving
        /// (with a one-month period too, whose 総枠 stays the month's). Days off the コアタイム carry a warning.
        /// </summary>
        private (Dictionary<DateOnly, DailyHours>, MonthlyHours) Flex(List<(DateOnly Date, IReadOnlyList<SpanRecord> Spans)> records, DateOnly first, DateOnly last)
        {
            var (start, end) = rule.FlexPeriodOf(first);
            var classified = records.Where(d => d.Date >= start && d.Date <= last).Select(WithCoreTime)
                .Select(h => h.Kind == DayKind.StatutoryRestDay ? h : h with
                {
                    WithinScheduledMinutes = h.WorkedMinutes,
                    NonStatutoryOvertimeMinutes = 0,
                    StatutoryOvertimeMinutes = 0,
                    ShortfallMinutes = 0,
                })
                .ToList();
            var employed = Employed(start, end, classified);
            var (from, until) = employed ?? (start, end);
            var (workDays, employedWorkDays) = (0, 0);
            for (var d = start; d < end; d = d.AddDays(1))
            {
                var workDay = KindOf(d) == DayKind.WorkDay;
                workDays += workDay ? 1 : 0;
                employedWorkDays += workDay && employed is not null && d >= from && d < until ? 1 : 0;
            }

            // 所定総労働時間 of the employed part (the whole period's for most): never above its 総枠.
            var scheduled = rule.FlexTotalMinutes is not { } total ? (rule.FlexDailyMinutes ?? MinutesPerDay) * employedWorkDays
                : employedWorkDays == workDays ? total
                : (int)((long)total * employedWorkDays / workDays);
            var frame = new FlexPeriod(start, rule.FlexMonths, 0, from, until).FrameMinutes;
            var settled = FlexTime.Settle(new FlexPeriod(start, rule.FlexMonths, Math.Min(frame, scheduled), from, until),
                classified.ToDictionary(h => h.Date, h => h.WorkedMinutes - h.StatutoryRestDayWorkMinutes));
            var month = settled.Single(m => m.Month == first);
            var days = classified.Where(h => h.Date >= first).ToDictionary(h => h.Date);
            var sum = MonthlyOvertime.Summarize(days.Values);
            var worked = sum.WorkedMinutes - sum.StatutoryRestDayWorkMinutes;
            return (days, sum with
            {
                WithinScheduledMinutes = Math.Max(0, worked - month.StatutoryOvertimeMinutes - month.NonStatutoryOvertimeMinutes),
                NonStatutoryOvertimeMinutes = month.NonStatutoryOvertimeMinutes,
                StatutoryOvertimeMinutes = month.StatutoryOvertimeMinutes,
                StatutoryOvertimeOver60Minutes = Math.Max(0, month.StatutoryOvertimeMinutes - LabourStandards.Statutory.MonthlyOvertimeThresholdMinutes),
                ShortfallMinutes = month.ShortfallMinutes,
            });
        }

        /// <summary>
        /// [from, until) of the period the employee was employed in (入社日 to 退職日), widened to any day they have clock
        /// records on (hours worked count whatever the master says); null when they were not employed in it at all.
        /// </summary>
        private (DateOnly From, DateOnly Until)? Employed(DateOnly start, DateOnly end, List<DailyHours> days)
        {
            var from = employee.HireDate > start ? employee.HireDate : start;
            var until = employee.RetirementDate is { } left && left.AddDays(1) < end ? left.AddDays(1) : end;
            foreach (var day in days)
            {
                (from, until) = (day.Date < from ? day.Date : from, day.Date >= until ? day.Date.AddDays(1) : until);
            }

            return until > from ? (from, until) : null;
        }

        /// <summary>変形: each period touching the month split day by day by <see cref="VariableSplit"/> against the shifts.</summary>
        private (Dictionary<DateOnly, DailyHours>, MonthlyHours) Variable(List<(DateOnly Date, IReadOnlyList<SpanRecord> Spans)> records, DateOnly first, DateOnly last)
        {
            var classified = records.Select(Daily).ToDictionary(h => h.Date);
            var days = new Dictionary<DateOnly, DailyHours>();
            // Period overtime settled on a date without clock records has no row to sit on: it goes into the totals only.
            var unplaced = 0;
            for (var (start, end) = rule.VariablePeriodOf(first); start <= last; (start, end) = (end, end.AddMonths(1)))
            {
                var period = new List<VariableDay>();
                for (var d = start; d < end; d = d.AddDays(1))
                {
                    var worked = classified.TryGetValue(d, out var h) ? h.WorkedMinutes - h.StatutoryRestDayWorkMinutes : 0;
                    period.Add(new VariableDay(d, KindOf(d) == DayKind.StatutoryRestDay ? 0 : ScheduledMinutesOn(d), worked));
                }

                var lastDay = end.AddDays(-1);
                var settleFrom = lastDay <= last ? new DateOnly(lastDay.Year, lastDay.Month, 1) : (DateOnly?)null;
                foreach (var (date, split) in VariableSplit.Split(period, rule.WeekStart, settleFrom))
                {
                    if (date < first || date > last)
                    {
                        continue;
                    }

                    if (!classified.TryGetValue(date, out var h))
                    {
                        unplaced += split.PeriodMinutes;
                        continue;
                    }

                    days[date] = h.Kind == DayKind.StatutoryRestDay ? h : h with
                    {
                        WithinScheduledMinutes = split.WithinScheduledMinutes,
                        NonStatutoryOvertimeMinutes = split.NonStatutoryMinutes,
                        StatutoryOvertimeMinutes = split.StatutoryOvertimeMinutes,
                        WeeklyOvertimeMinutes = split.WeeklyMinutes,
                        ShortfallMinutes = h.Kind == DayKind.WorkDay ? Math.Max(0, ScheduledMinutesOn(date) - Math.Min(h.WorkedMinutes, ScheduledMinutesOn(date))) : 0,
                    };
                }
            }

            var totals = MonthlyOvertime.Summarize(days.Values);
            var overtime = totals.StatutoryOvertimeMinutes + unplaced;
            return (days, totals with
            {
                StatutoryOvertimeMinutes = overtime,
                StatutoryOvertimeOver60Minutes = Math.Max(0, overtime - LabourStandards.Statutory.MonthlyOvertimeThresholdMinutes),
            });
        }
    }
}
