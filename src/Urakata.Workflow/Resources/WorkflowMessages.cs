using System.Globalization;
using System.Resources;

namespace Urakata.Workflow;

/// <summary>Messages of the approval engine (<c>Resources/WorkflowMessages.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public static class WorkflowMessages
{
    private static readonly ResourceManager Resources = new("Urakata.Workflow.WorkflowMessages", typeof(WorkflowMessages).Assembly);

    public static string AlreadyDecided => Get(nameof(AlreadyDecided));
    public static string ApplicantCannotApprove => Get(nameof(ApplicantCannotApprove));
    public static string CannotSubmit => Get(nameof(CannotSubmit));
    public static string CommentRequired => Get(nameof(CommentRequired));
    public static string InvalidSendBackTarget => Get(nameof(InvalidSendBackTarget));
    public static string NotInProgress => Get(nameof(NotInProgress));
    public static string NotYourTurn => Get(nameof(NotYourTurn));
    public static string OnlyApplicant => Get(nameof(OnlyApplicant));
    public static string PullBackTooLate => Get(nameof(PullBackTooLate));
    public static string RetractTooLate => Get(nameof(RetractTooLate));
    public static string TitleRequired => Get(nameof(TitleRequired));

    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
