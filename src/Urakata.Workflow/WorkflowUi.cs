namespace Urakata.Workflow;

/// <summary>Anchor type of the approval engine's UI strings (<c>Resources/WorkflowUi.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public sealed class WorkflowUi;
