using System.Globalization;
using System.Resources;

namespace Urakata.Workflow;

/// <summary>Messages of the approval engine (<c>Resources/WorkflowMessages.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public static class WorkflowMessages
{
    private static readonly ResourceManager Resources = new("Urakata.Workflow.WorkflowMessages", typeof(WorkflowMessages).Assembly);

    public static string AlreadyDecided => Get(nameof(AlreadyDecided));
    public static string ApplicantCannotApprove => Get(nameof(ApplicantCannotApprove));
    public static string CannotAddApprover => Get(nameof(CannotAddApprover));
    public static string CannotEdit => Get(nameof(CannotEdit));
    public static string CannotSubmit => Get(nameof(CannotSubmit));
    public static string CommentRequired => Get(nameof(CommentRequired));
    public static string DateRangeOrder => Get(nameof(DateRangeOrder));
    public static string DefaultRouteName => Get(nameof(DefaultRouteName));
    public static string DeputyIsSelf => Get(nameof(DeputyIsSelf));
    public static string FieldInvalid => Get(nameof(FieldInvalid));
    public static string FieldNotDate => Get(nameof(FieldNotDate));
    public static string FieldNotInOptions => Get(nameof(FieldNotInOptions));
    public static string FieldNotMoney => Get(nameof(FieldNotMoney));
    public static string FieldNotNumber => Get(nameof(FieldNotNumber));
    public static string FieldRequired => Get(nameof(FieldRequired));
    public static string FieldTooLong => Get(nameof(FieldTooLong));
    public static string FieldUnknown => Get(nameof(FieldUnknown));
    public static string FormComputeInvalid => Get(nameof(FormComputeInvalid));
    public static string FormKeyInvalid => Get(nameof(FormKeyInvalid));
    public static string FormSelectNeedsOptions => Get(nameof(FormSelectNeedsOptions));
    public static string FormTableNeedsColumns => Get(nameof(FormTableNeedsColumns));
    public static string InvalidSendBackTarget => Get(nameof(InvalidSendBackTarget));
    public static string KindCodeTaken => Get(nameof(KindCodeTaken));
    public static string NoApproverFound => Get(nameof(NoApproverFound));
    public static string NoRouteApplies => Get(nameof(NoRouteApplies));
    public static string NotADeputy => Get(nameof(NotADeputy));
    public static string NotAMember => Get(nameof(NotAMember));
    public static string NotInProgress => Get(nameof(NotInProgress));
    public static string NotYourTurn => Get(nameof(NotYourTurn));
    public static string NotifyApproved => Get(nameof(NotifyApproved));
    public static string NotifyCirculated => Get(nameof(NotifyCirculated));
    public static string NotifyEscalated => Get(nameof(NotifyEscalated));
    public static string NotifyOverdue => Get(nameof(NotifyOverdue));
    public static string NotifyRejected => Get(nameof(NotifyRejected));
    public static string NotifyReminder => Get(nameof(NotifyReminder));
    public static string NotifySentBack => Get(nameof(NotifySentBack));
    public static string NotifyWaiting => Get(nameof(NotifyWaiting));
    public static string OnlyApplicant => Get(nameof(OnlyApplicant));
    public static string PdfOnlyWhenApproved => Get(nameof(PdfOnlyWhenApproved));
    public static string PeriodLabel => Get(nameof(PeriodLabel));
    public static string PrefixInvalid => Get(nameof(PrefixInvalid));
    public static string PullBackTooLate => Get(nameof(PullBackTooLate));
    public static string ReferenceNotFound => Get(nameof(ReferenceNotFound));
    public static string RetractTooLate => Get(nameof(RetractTooLate));
    public static string RouteNeedsSteps => Get(nameof(RouteNeedsSteps));
    public static string RoutePrioritiesUnique => Get(nameof(RoutePrioritiesUnique));
    public static string RouteStepInvalid => Get(nameof(RouteStepInvalid));
    public static string RowLabel => Get(nameof(RowLabel));
    public static string StatusApproved => Get(nameof(StatusApproved));
    public static string StatusDraft => Get(nameof(StatusDraft));
    public static string StatusInProgress => Get(nameof(StatusInProgress));
    public static string StatusRejected => Get(nameof(StatusRejected));
    public static string StatusSentBack => Get(nameof(StatusSentBack));
    public static string StatusWithdrawn => Get(nameof(StatusWithdrawn));
    public static string SystemActor => Get(nameof(SystemActor));
    public static string TitleLabel => Get(nameof(TitleLabel));
    public static string TitleRequired => Get(nameof(TitleRequired));

    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, template, args.Select(a => a is Requests.RequestStatus s ? Status(s) : a).ToArray());

    /// <summary>The status as users read it (承認中, 差し戻し中…).</summary>
    public static string Status(Requests.RequestStatus status) => Get("Status" + status);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A message in a given language (e.g. Japanese notifications whoever triggered them).</summary>
    public static string In(CultureInfo culture, string key) =>
        Resources.GetString(key, culture) ?? key;
}
