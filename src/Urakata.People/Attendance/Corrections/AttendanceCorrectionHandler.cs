using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Security;
using Urakata.Workflow.Kinds;
using Urakata.Workflow.Requests;

namespace Urakata.People.Attendance;

/// <summary>
/// The hook of the 打刻修正申請: when filed, the applicant must be in the employee master, the date's month must not be
/// closed for them and the corrected day must pass the rules of a clock; on the final approval the same checks run again
/// (the month may have been closed meanwhile — then the approval fails and nothing changes), the date's spans are replaced
/// and an <see cref="AttendanceCorrection"/> is written, all in the transaction that records the decision.
/// </summary>
public sealed class AttendanceCorrectionHandler(UrakataDbContext db, CurrentUser currentUser, TimeProvider clock, OvertimeWatch overtime) : IRequestKindHandler
{
    public async Task OnSubmittingAsync(ApprovalRequest request, CancellationToken ct) =>
        await CorrectAsync(request, tracked: false, ct);

    public async Task OnApprovedAsync(RequestDecision decision, CancellationToken ct)
    {
        var request = decision.Request;
        var (employee, day, original, corrected) = await CorrectAsync(request, tracked: true, ct);
        db.Add(new AttendanceCorrection(employee.Id, day.Date, original, day.Spans, request.Id, request.Number ?? "", corrected.Reason,
            currentUser.UserId, clock.GetUtcNow().UtcDateTime));
        await overtime.QueueAlertsAsync(employee, day.Date, [day], ct);
        // Saved with the decision by the engine: the spans, the record, the alerts and the approval commit together or not at all.
    }

    private async Task<(Employee Employee, AttendanceDay Day, IReadOnlyList<AttendanceSpan> Original, AttendanceCorrections.CorrectedDay Corrected)> CorrectAsync(
        ApprovalRequest request, bool tracked, CancellationToken ct)
    {
        var employee = await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.UserId == request.ApplicantId, ct)
            ?? throw new ValidationException(new Dictionary<string, string[]> { [""] = [PeopleMessages.CorrectionNoEmployee] });
        var corrected = AttendanceCorrections.Read(request.Values);
        if (await AttendanceLocks.IsClosedAsync(db, employee.Id, corrected.Date, ct))
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                [AttendanceCorrections.Fields.WorkDate] = [PeopleMessages.Format(PeopleMessages.CorrectionMonthClosed, AttendanceLocks.MonthText(corrected.Date))],
            });
        }

        var days = tracked ? db.Set<AttendanceDay>() : db.Set<AttendanceDay>().AsNoTracking();
        var day = await days.Include(d => d.Spans).SingleOrDefaultAsync(d => d.EmployeeId == employee.Id && d.Date == corrected.Date, ct);
        var created = day is null;
        day ??= new AttendanceDay(employee.Id, corrected.Date);
        IReadOnlyList<AttendanceSpan> original;
        try
        {
            original = day.Correct(corrected.Spans);
        }
        catch (DomainException ex)
        {
            throw AttendanceCorrections.AsFieldError(ex);
        }

        if (created && tracked)
        {
            db.Add(day);
        }

        return (employee, day, original, corrected);
    }
}
