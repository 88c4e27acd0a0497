using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Requests;

namespace Urakata.People.Leave.Requests;

/// <summary>
/// 休暇申請 (<c>people.leave</c>, LV): leave of any type through the approval engine. Checked when filed and again on the
/// final approval — the applicant is an employee; the first and last dates are work days of the applicant's own work rule,
/// under 変形 of their シフト (dates without one follow the rule's week, as on the 勤務表; 所定休日, 法定休日 and holidays
/// inside the range are skipped, being no work days); half days and hours are one date, hours fewer than the date's; 年次有給休暇
/// must fit the <see cref="LeaveLedger"/> (balance, hourly cap, one day a date) with the applicant's other pending
/// requests counted; no date may already be taken or asked for. The approval writes one <see cref="TakenLeave"/> per
/// date and records the absence for 代理承認; a rejected or withdrawn request leaves nothing.
/// </summary>
public static class LeaveRequests
{
    public const string Kind = "people.leave";

    public const string FullDay = "全日";
    public const string Morning = "午前半休";
    public const string Afternoon = "午後半休";
    public const string ByHours = "時間";

    /// <summary>The longest request: a quarter (longer leave is 休職, not a 休暇申請).</summary>
    public const int MaxDays = 93;

    /// <summary>The <see cref="IFormOptionSource"/> of the type select: the company's active leave types.</summary>
    public const string TypeOptions = "people.leave_types";

    private static readonly string[] DefaultTypeNames = [.. LeaveType.Defaults().Select(t => t.Name)];

    private static FormDefinition Form(FormField type) => new(
    [
        type,
        new FormField("from", "開始日", FieldType.Date, Required: true, LabelEn: "From"),
        new FormField("to", "終了日", FieldType.Date, Required: true, LabelEn: "To"),
        new FormField("unit", "単位", FieldType.Select, Required: true, LabelEn: "Unit", Options: [FullDay, Morning, Afternoon, ByHours]),
        new FormField("hours", "時間数", FieldType.Number, LabelEn: "Hours", RequiredIf: "unit=" + ByHours),
        new FormField("reason", "理由", FieldType.LongText, LabelEn: "Reason", MaxLength: 500),
    ]);

    /// <summary>Version 1 offered the default type names; version 2 the company's active types (<see cref="TypeOptions"/>).</summary>
    public static RequestKindDefinition Definition { get; } = new(Kind, "休暇申請", "Leave request", "LV",
        [
            Form(new FormField("leave_type", "休暇の種類", FieldType.Select, Required: true, LabelEn: "Leave type", Options: DefaultTypeNames)),
            Form(new FormField("leave_type", "休暇の種類", FieldType.Select, Required: true, LabelEn: "Leave type", OptionSource: TypeOptions)),
        ],
        BuiltInKinds.StandardRoute, typeof(LeaveRequestHandler), "年次有給休暇・特別休暇などの申請(承認後に休暇として記録)");

    internal static string? Text(ApprovalRequest request, string key) =>
        request.Values[key] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    internal static DateOnly? Date(ApprovalRequest request, string key) =>
        DateOnly.TryParseExact(Text(request, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>What a 休暇申請 asks for, checked: the dates with their takings (not saved).</summary>
internal sealed record LeavePlan(Employee Employee, LeaveType Type, DateOnly From, DateOnly To, IReadOnlyList<TakenLeave> Takings);

/// <summary>The hook of 休暇申請: the leave rules when filed and once more on approval, then the takings.</summary>
public sealed class LeaveRequestHandler(UrakataDbContext db, LeaveBook book, AttendanceBook attendance, ProxyApprovalService proxies) : IRequestKindHandler
{
    public async Task OnSubmittingAsync(ApprovalRequest request, CancellationToken ct) => await PlanAsync(request, ct);

    public async Task OnApprovedAsync(RequestDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        // Checked again: leave approved meanwhile, or a grant corrected, may leave no room any more.
        var plan = await PlanAsync(decision.Request, ct);
        db.AddRange(plan.Takings);
        await proxies.RecordAbsenceAsync(decision.Request.ApplicantId, plan.From, plan.To, LeaveRequests.Kind, ct);
    }

    internal async Task<LeavePlan> PlanAsync(ApprovalRequest request, CancellationToken ct)
    {
        var employee = await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.UserId == request.ApplicantId, ct)
            ?? throw Invalid("", PeopleMessages.SelfServiceNoEmployee);
        var typeName = LeaveRequests.Text(request, "leave_type");
        var type = (await book.TypesAsync(save: false, ct)).FirstOrDefault(t => t.Active && (t.Name == typeName || t.Code == typeName || t.NameEn == typeName))
            ?? throw Invalid("leave_type", PeopleMessages.Format(PeopleMessages.LeaveTypeUnknown, typeName));
        if (LeaveRequests.Date(request, "from") is not { } from)
        {
            throw Invalid("from", PeopleMessages.LeaveDateRequired);
        }
        if (LeaveRequests.Date(request, "to") is not { } to)
        {
            throw Invalid("to", PeopleMessages.LeaveDateRequired);
        }
        if (to < from || to.DayNumber - from.DayNumber >= LeaveRequests.MaxDays)
        {
            throw Invalid("to", PeopleMessages.Format(PeopleMessages.LeaveRangeInvalid, LeaveRequests.MaxDays));
        }
        if (!employee.IsEmployedOn(from) || !employee.IsEmployedOn(to))
        {
            throw Invalid("from", PeopleMessages.LeaveOutsideEmployment);
        }
        var unitText = LeaveRequests.Text(request, "unit");
        var unit = unitText switch
        {
            LeaveRequests.FullDay => LeaveUnit.FullDay,
            LeaveRequests.Morning or LeaveRequests.Afternoon => LeaveUnit.HalfDay,
            LeaveRequests.ByHours => LeaveUnit.Hours,
            _ => throw Invalid("unit", PeopleMessages.LeaveUnitInvalid),
        };
        DayHalf? half = unitText switch { LeaveRequests.Morning => DayHalf.Morning, LeaveRequests.Afternoon => DayHalf.Afternoon, _ => null };
        if (unit != LeaveUnit.FullDay && from != to)
        {
            throw Invalid("unit", PeopleMessages.LeavePartDayOneDate);
        }

        var leave = await book.LoadAsync(employee, save: false, ct);
        // The applicant's own rule and シフト (as their 勤務表 reads them) over this request and their other pending ones.
        var others = await OthersAsync(request, ct);
        var plan = (await attendance.SchedulesAsync([employee], others.Select(o => o.From).Append(from).Min(), others.Select(o => o.To).Append(to).Max(),
            save: false, ct)).For(employee);
        foreach (var (edge, key) in new[] { (from, "from"), (to, "to") })
        {
            if (plan.KindOf(edge) != DayKind.WorkDay)
            {
                throw Invalid(key, PeopleMessages.Format(PeopleMessages.LeaveOnRestDay, PeopleMessages.Date(edge)));
            }
        }
        var hours = 0;
        if (unit == LeaveUnit.Hours)
        {
            if (!type.IsAnnualPaidLeave)
            {
                throw Invalid("unit", PeopleMessages.LeaveHoursOnlyPaid);
            }
            // Fewer hours than the date's 所定労働時間 (a シフト's own under 変形, rounded up as 39条4項 counts hours) and than the
            // ledger's day: the whole of it is a full day's leave.
            var most = Math.Min((plan.ScheduledMinutesOn(from) + 59) / 60, leave.Ledger.HoursPerDay) - 1;
            var text = LeaveRequests.Text(request, "hours");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out hours) || hours < 1 || hours > most)
            {
                throw Invalid("hours", PeopleMessages.Format(PeopleMessages.LeaveHoursRange, most));
            }
        }

        var dates = Days(from, to, plan);

        // Leave already recorded on one of the dates (any type): at most one day's worth a date.
        var dayMinutes = leave.Ledger.HoursPerDay * 60;
        var requested = new TakenLeave(employee.Id, from, type.Id, unit, hours, LeaveSource.Requested, request.Id, half);
        foreach (var date in dates)
        {
            var booked = leave.Takings.Where(t => t.Date == date).Sum(t => Minutes(t, dayMinutes));
            if ((booked > 0 && booked + Minutes(requested, dayMinutes) > dayMinutes) || (half is not null && leave.Takings.Any(t => t.Date == date && t.Half == half)))
            {
                throw Invalid("from", PeopleMessages.Format(PeopleMessages.DayAlreadyTaken, PeopleMessages.Date(date)));
            }
        }
        var pending = await PendingAsync(others, plan, ct);
        if (pending.FirstOrDefault(p => p.From <= to && from <= p.To) is { } clash)
        {
            throw Invalid("from", PeopleMessages.Format(PeopleMessages.LeaveOverlapsPending, clash.Number, PeopleMessages.Date(clash.From), PeopleMessages.Date(clash.To)));
        }

        var takings = dates.Select(d => new TakenLeave(employee.Id, d, type.Id, unit, hours, LeaveSource.Requested, request.Id, half)).ToList();
        if (type.IsAnnualPaidLeave)
        {
            EnsureBalance(leave, takings, pending.Where(p => p.Paid).SelectMany(p => p.Takings), from);
        }
        return new LeavePlan(employee, type, from, to, takings);
    }

    /// <summary>The ledger's rules over the request with the applicant's other pending paid requests counted first.</summary>
    private static void EnsureBalance(EmployeeLeave leave, IReadOnlyList<TakenLeave> takings, IEnumerable<LeaveTaking> pending, DateOnly from)
    {
        var ledger = leave.Ledger;
        var free = ledger.BalanceOn(from).Remaining.Minutes - ledger.Takings.Where(t => t.Date > from).Sum(t => Minutes(t.Unit, t.Hours, ledger.HoursPerDay * 60));
        try
        {
            foreach (var taking in pending.OrderBy(t => t.Date))
            {
                free -= Minutes(taking.Unit, taking.Hours, ledger.HoursPerDay * 60);
                ledger.Take(taking);
            }
            foreach (var taking in takings)
            {
                ledger.Take(taking.ToLedger());
            }
        }
        catch (DomainException ex) when (ex.Field == "days")
        {
            var asked = takings.Sum(t => Minutes(t, ledger.HoursPerDay * 60));
            throw Invalid("to", PeopleMessages.Format(PeopleMessages.LeaveBeyondBalance,
                new LeaveAmount(Math.Max(0, free), ledger.HoursPerDay).Display(), new LeaveAmount(asked, ledger.HoursPerDay).Display()));
        }
        catch (DomainException ex) when (ex is not ValidationException)
        {
            throw Invalid(ex.Field == "hours" ? "hours" : "from", ex.Message);
        }
    }

    private sealed record Pending(string? Number, DateOnly From, DateOnly To, bool Paid, IReadOnlyList<LeaveTaking> Takings);

    /// <summary>The applicant's other 休暇申請 still waiting for a decision, with their dates.</summary>
    private async Task<List<(ApprovalRequest Request, DateOnly From, DateOnly To)>> OthersAsync(ApprovalRequest request, CancellationToken ct) =>
        [.. (await db.Set<ApprovalRequest>().AsNoTracking()
                .Where(r => r.ApplicantId == request.ApplicantId && r.KindCode == LeaveRequests.Kind && r.Status == RequestStatus.InProgress && r.Id != request.Id)
                .ToListAsync(ct))
            .Select(r => (r, From: LeaveRequests.Date(r, "from"), To: LeaveRequests.Date(r, "to")))
            .Where(x => x.From is not null && x.To is not null)
            .Select(x => (x.r, x.From!.Value, x.To!.Value))];

    /// <summary>The work days of the applicant's plan from <paramref name="from"/> to <paramref name="to"/>: what a request over them takes.</summary>
    private static List<DateOnly> Days(DateOnly from, DateOnly to, WorkingTimePlans.WorkingTimePlan plan) =>
        [.. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => plan.KindOf(d) == DayKind.WorkDay)];

    /// <summary>The other pending requests as the takings they would make on the applicant's work days.</summary>
    private async Task<List<Pending>> PendingAsync(List<(ApprovalRequest Request, DateOnly From, DateOnly To)> others, WorkingTimePlans.WorkingTimePlan plan, CancellationToken ct)
    {
        var paidNames = (await book.TypesAsync(save: false, ct)).Where(t => t.IsAnnualPaidLeave).SelectMany(t => new[] { t.Name, t.Code, t.NameEn }).ToHashSet();
        var result = new List<Pending>();
        foreach (var (r, f, t) in others)
        {
            var unit = LeaveRequests.Text(r, "unit") switch
            {
                LeaveRequests.Morning or LeaveRequests.Afternoon => LeaveUnit.HalfDay,
                LeaveRequests.ByHours => LeaveUnit.Hours,
                _ => LeaveUnit.FullDay,
            };
            var hours = unit == LeaveUnit.Hours && int.TryParse(LeaveRequests.Text(r, "hours"), NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : 0;
            var paid = paidNames.Contains(LeaveRequests.Text(r, "leave_type"));
            var takings = Days(f, t, plan).Select(d => new LeaveTaking(d, unit, hours)).ToList();
            result.Add(new Pending(r.Number, f, t, paid, takings));
        }
        return result;
    }

    private static int Minutes(TakenLeave t, int dayMinutes) => Minutes(t.Unit, t.Hours, dayMinutes);

    private static int Minutes(LeaveUnit unit, int hours, int dayMinutes) => unit switch
    {
        LeaveUnit.FullDay => dayMinutes,
        LeaveUnit.HalfDay => dayMinutes / 2,
        LeaveUnit.Hours => hours * 60,
        _ => throw new InvalidOperationException($"Unknown leave unit {unit}."),
    };

    private static ValidationException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The type select of 休暇申請: the company's active leave types (the defaults until the company has its own rows).</summary>
internal sealed class LeaveTypeOptions(UrakataDbContext db) : IFormOptionSource
{
    public string Name => LeaveRequests.TypeOptions;

    public async Task<IReadOnlyList<string>> OptionsAsync(CancellationToken ct)
    {
        var types = await db.Set<LeaveType>().AsNoTracking().ToListAsync(ct);
        return [.. (types.Count == 0 ? LeaveType.Defaults() : types).Where(t => t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal).Select(t => t.Name)];
    }
}
