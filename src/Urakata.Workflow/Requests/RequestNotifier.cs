using System.Globalization;
using Urakata.Platform.Notifications;
using Urakata.Workflow.Kinds;

namespace Urakata.Workflow.Requests;

/// <summary>
/// Tells people what a request now needs from them: "waiting for you" to each new approver or 回覧 reader,
/// and approved / rejected / sent back to the applicant — in the app and by e-mail, committed with the action.
/// Texts are in Japanese, the company's language; the link opens the request after sign-in.
/// </summary>
public sealed class RequestNotifier(NotificationService notifications)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");

    public static string LinkTo(Guid requestId) => $"/workflow/requests/{requestId}";

    public void Queue(ApprovalRequest request, Snapshot before, KindInfo kind)
    {
        var subject = $"{request.Number} {request.Title}({kind.Name})";
        var link = LinkTo(request.Id);
        foreach (var p in request.Participants.Where(p => p.Kind != ParticipantKind.Acted && !before.Waiting.Contains(p.UserId)))
        {
            var template = p.Kind == ParticipantKind.Pending ? nameof(WorkflowMessages.NotifyWaiting) : nameof(WorkflowMessages.NotifyCirculated);
            Send(p.UserId, template, subject, request, link);
        }
        if (request.Status == before.Status)
        {
            return;
        }
        var outcome = request.Status switch
        {
            RequestStatus.Approved => nameof(WorkflowMessages.NotifyApproved),
            RequestStatus.Rejected => nameof(WorkflowMessages.NotifyRejected),
            RequestStatus.SentBack when request.History[^1].Action == "send-back" => nameof(WorkflowMessages.NotifySentBack),
            _ => null,
        };
        if (outcome is not null)
        {
            Send(request.ApplicantId, outcome, subject, request, link);
            if (request.FiledBy != request.ApplicantId)
            {
                Send(request.FiledBy, outcome, subject, request, link);
            }
        }
    }

    /// <summary>A reminder or an escalation notice about the waiting step.</summary>
    public void Remind(ApprovalRequest request, Guid userId, string template, KindInfo kind) =>
        Send(userId, template, $"{request.Number} {request.Title}({kind.Name})", request, LinkTo(request.Id));

    private void Send(Guid userId, string template, string subject, ApprovalRequest request, string link)
    {
        var title = string.Format(Japanese, WorkflowMessages.In(Japanese, template), subject);
        var comment = request.History.Count > 0 ? request.History[^1].Comment : null;
        var body = string.IsNullOrWhiteSpace(comment) ? title : $"{title}\n\n{comment}";
        notifications.Queue(new NotificationMessage(userId, title, body, link, Email: true));
    }
}
