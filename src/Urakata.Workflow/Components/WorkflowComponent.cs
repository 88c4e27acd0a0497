using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Urakata.Platform.Components;
using Urakata.Workflow.Requests;

namespace Urakata.Workflow.Components;

/// <summary>Base of the approval engine's pages: the platform's page scope plus the module's own strings.</summary>
public abstract class WorkflowComponent : UrakataComponent
{
    [Inject] protected IStringLocalizer<WorkflowUi> W { get; set; } = default!;

    protected static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    protected static string StatusText(RequestStatus status) => WorkflowMessages.Status(status);

    protected static MudBlazor.Color StatusColor(RequestStatus status) => status switch
    {
        RequestStatus.Approved => MudBlazor.Color.Success,
        RequestStatus.Rejected => MudBlazor.Color.Error,
        RequestStatus.SentBack => MudBlazor.Color.Warning,
        RequestStatus.InProgress => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
