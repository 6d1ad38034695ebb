namespace Pipeline.Application.Publication;

/// <summary>Why a plan is recomputed (the reason in its queue message and log).</summary>
public static class PlanReasons
{
    /// <summary>No record of a computation yet.</summary>
    public const string First = "first";

    /// <summary>An upload was accepted since the last computation.</summary>
    public const string Upload = "upload";

    /// <summary>The plan file changed.</summary>
    public const string Definition = "definition";

    /// <summary>The code that computes feeds changed (a deployment).</summary>
    public const string Code = "code";

    /// <summary>A date the feed depends on passed (results due, a fiscal year's end, the plan's closing).</summary>
    public const string Calendar = "calendar";

    /// <summary>A portal has not taken the published content yet (its last push failed).</summary>
    public const string Portal = "portal";

    /// <summary>An operator asked for it (<c>pipeline aggregate --force</c>).</summary>
    public const string Forced = "forced";
}
