using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Attendance;
using Urakata.People.Employees;
using Urakata.People.Leave.Records;
using Urakata.People.Leave.Requests;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Security;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.ProxyApprovals;
using Urakata.Workflow.Requests;

namespace Urakata.People.Leave.Cancel;

/// <summary>
/// 休暇の取消. An approved request cannot be withdrawn in the approval engine (取り下げ ends only a request still in
/// progress), so the applicant files a 休暇取消申請 (<c>people.leave.cancel</c>, LC) naming the 休暇申請 by its number; on
/// the final approval every date of it still standing is cancelled. HR (<c>people.leave.manage</c>) cancels one date of
/// leave with a reason directly (also 計画的付与 / 時季指定 days, which have no request). Either way the taking is kept,
/// marked cancelled (who, when, why), and counts nowhere any more; the balance comes back, attendance no longer shows it.
/// Refused for a date in a closed attendance month (勤怠締め: payroll has read it) and, for the applicant, for a date
/// already past.
/// </summary>
public static class LeaveCancellations
{
    public const string Kind = "people.leave.cancel";

    public static class Fields
    {
        public const string Request = "leave_request";
        public const string Reason = "reason";
    }

    public static RequestKindDefinition Definition { get; } = new(Kind, "休暇取消申請", "Leave cancellation", "LC",
        [new FormDefinition(
        [
            new FormField(Fields.Request, "取り消す休暇申請の番号", FieldType.Text, Required: true, LabelEn: "Leave request number", MaxLength: 40),
            new FormField(Fields.Reason, "理由", FieldType.LongText, Required: true, LabelEn: "Reason", MaxLength: 500),
        ])],
        BuiltInKinds.StandardRoute, typeof(LeaveCancellationHandler), "承認済みの休暇申請の取消(承認後に休暇を取り消し、残日数が戻る)");
}

/// <summary>The 休暇申請 to cancel and its dates still standing, checked.</summary>
internal sealed record CancelPlan(ApprovalRequest Leave, IReadOnlyList<TakenLeave> Takings);

/// <summary>The hook of 休暇取消申請: the rules when filed and again on approval, then the cancellation.</summary>
public sealed class LeaveCancellationHandler(UrakataDbContext db, ProxyApprovalService proxies, TimeProvider clock, CurrentUser currentUser) : IRequestKindHandler
{
    public async Task OnSubmittingAsync(ApprovalRequest request, CancellationToken ct) => await PlanAsync(request, ct);

    public async Task OnApprovedAsync(RequestDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var plan = await PlanAsync(decision.Request, ct);
        var reason = PeopleMessages.Format(PeopleMessages.LeaveCancelledByRequest, decision.Request.Number, LeaveRequests.Text(decision.Request, LeaveCancellations.Fields.Reason));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var taking in plan.Takings)
        {
            taking.Cancel(currentUser.RequireUser(), now, reason.Length > 500 ? reason[..500] : reason);
        }
        await LeaveCancelling.ForgetAbsenceAsync(db, proxies, plan.Leave.ApplicantId, plan.Leave.Id, ct);
    }

    internal async Task<CancelPlan> PlanAsync(ApprovalRequest request, CancellationToken ct)
    {
        var number = LeaveRequests.Text(request, LeaveCancellations.Fields.Request)?.Trim() ?? "";
        var leave = await db.Set<ApprovalRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Number == number && r.KindCode == LeaveRequests.Kind
            && r.ApplicantId == request.ApplicantId && r.Status == RequestStatus.Approved, ct)
            ?? throw Invalid(LeaveCancellations.Fields.Request, PeopleMessages.Format(PeopleMessages.LeaveCancelRequestUnknown, number));
        var takings = await db.Set<TakenLeave>().Where(t => t.RequestId == leave.Id && t.CancelledAt == null).OrderBy(t => t.Date).ToListAsync(ct);
        if (takings.Count == 0)
        {
            throw Invalid(LeaveCancellations.Fields.Request, PeopleMessages.Format(PeopleMessages.LeaveCancelNothingLeft, number));
        }
        var others = await db.Set<ApprovalRequest>().AsNoTracking()
            .Where(r => r.KindCode == LeaveCancellations.Kind && r.ApplicantId == request.ApplicantId && r.Status == RequestStatus.InProgress && r.Id != request.Id)
            .ToListAsync(ct);
        if (others.FirstOrDefault(r => LeaveRequests.Text(r, LeaveCancellations.Fields.Request)?.Trim() == number) is { } pending)
        {
            throw Invalid(LeaveCancellations.Fields.Request, PeopleMessages.Format(PeopleMessages.LeaveCancelPending, number, pending.Number));
        }
        var today = JapanTime.Today(clock);
        if (takings[0].Date < today)
        {
            throw Invalid(LeaveCancellations.Fields.Request, PeopleMessages.Format(PeopleMessages.LeaveCancelPast, PeopleMessages.Date(takings[0].Date)));
        }
        if (await LeaveCancelling.ClosedDateAsync(db, takings, ct) is { } closed)
        {
            throw Invalid(LeaveCancellations.Fields.Request, LeaveCancelling.ClosedMessage(closed));
        }
        return new CancelPlan(leave, takings);
    }

    private static ValidationException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed record CancelLeaveInput(string? Reason);

/// <summary>
/// 休暇の取消 outside the engine: HR cancels a date of leave with a reason; the applicant files a 休暇取消申請 for one of
/// their approved 休暇申請 (the page's button; the same as filing it from ワークフロー).
/// </summary>
public sealed class LeaveCancelling(UrakataDbContext db, LeaveBook book, RequestService requests, ProxyApprovalService proxies, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>HR: one date of leave (any source) cancelled with a reason; 404 outside the data scope of <c>people.leave.manage</c>.</summary>
    public async Task<TakingDto> CancelTakingAsync(Guid takingId, CancelLeaveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var taking = await db.Set<TakenLeave>().SingleOrDefaultAsync(t => t.Id == takingId, ct) ?? throw new NotFoundException(nameof(TakenLeave));
        var employee = await book.ReachableAsync(taking.EmployeeId, ct, PeoplePermissions.LeaveManage, allowOwn: false);
        if (await ClosedDateAsync(db, [taking], ct) is { } closed)
        {
            throw new DomainException(ClosedMessage(closed), "takingId");
        }
        taking.Cancel(currentUser.RequireUser(), clock.GetUtcNow().UtcDateTime, input.Reason ?? "");
        if (taking.RequestId is { } requestId && employee.UserId is { } userId
            && !await db.Set<TakenLeave>().AnyAsync(t => t.RequestId == requestId && t.Id != taking.Id && t.CancelledAt == null, ct))
        {
            await ForgetAbsenceAsync(db, proxies, userId, requestId, ct);
        }
        await db.SaveChangesAsync(ct);
        var types = await book.TypesAsync(ct);
        var type = types.Single(t => t.Id == taking.LeaveTypeId);
        return new TakingDto(taking.Id, taking.Date, type.Code, type.Name, type.Paid, taking.Unit, taking.Hours, taking.Source, taking.RequestId, taking.Half);
    }

    /// <summary>The signed-in applicant files a 休暇取消申請 for their approved 休暇申請 <paramref name="leaveRequestId"/>.</summary>
    public async Task<ApprovalRequest> RequestAsync(Guid leaveRequestId, CancelLeaveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var me = currentUser.RequireUser();
        var leave = await db.Set<ApprovalRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == leaveRequestId && r.KindCode == LeaveRequests.Kind && r.ApplicantId == me, ct)
            ?? throw new NotFoundException(nameof(ApprovalRequest));
        var values = new JsonObject { [LeaveCancellations.Fields.Request] = leave.Number, [LeaveCancellations.Fields.Reason] = input.Reason };
        return await requests.SubmitNewAsync(new RequestInput(LeaveCancellations.Kind, PeopleMessages.Format(PeopleMessages.LeaveCancelTitle, leave.Number), values), ct);
    }

    /// <summary>The first date of <paramref name="takings"/> in an employee's closed attendance month, if any.</summary>
    internal static async Task<DateOnly?> ClosedDateAsync(UrakataDbContext db, IEnumerable<TakenLeave> takings, CancellationToken ct)
    {
        foreach (var taking in takings.DistinctBy(t => (t.EmployeeId, t.Date.Year, t.Date.Month)))
        {
            if (await AttendanceLocks.IsClosedAsync(db, taking.EmployeeId, taking.Date, ct))
            {
                return taking.Date;
            }
        }
        return null;
    }

    internal static string ClosedMessage(DateOnly date) =>
        PeopleMessages.Format(PeopleMessages.LeaveCancelMonthClosed, AttendanceLocks.MonthText(date), PeopleMessages.Date(date));

    /// <summary>The 代理承認 absence the approved request recorded (its first to last date) goes with it.</summary>
    internal static async Task ForgetAbsenceAsync(UrakataDbContext db, ProxyApprovalService proxies, Guid userId, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<ApprovalRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not null && LeaveRequests.Date(request, "from") is { } from && LeaveRequests.Date(request, "to") is { } to)
        {
            await proxies.CancelAbsenceAsync(userId, from, to, LeaveRequests.Kind, ct);
        }
    }
}
