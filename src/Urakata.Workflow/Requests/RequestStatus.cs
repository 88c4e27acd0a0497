namespace Urakata.Workflow.Requests;

public enum RequestStatus
{
    Draft,
    /// <summary>Submitted and moving along its route.</summary>
    InProgress,
    Approved,
    /// <summary>却下: terminal.</summary>
    Rejected,
    /// <summary>差し戻し to the applicant: they may change it and resubmit.</summary>
    SentBack,
    /// <summary>取り下げ: terminal.</summary>
    Withdrawn,
}

public enum StepStatus
{
    Waiting,
    Active,
    Approved,
    Skipped,
    /// <summary>A 回覧 step: confirmations are collected but the route does not wait for them.</summary>
    Circulating,
}

public enum Decision
{
    Approved,
    Confirmed,
}
