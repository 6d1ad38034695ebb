namespace Pipeline.Hosting;

/// <summary>Settings of section <c>Pipeline</c> (app settings <c>Pipeline__PlansPath</c> and so on).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// A folder of plan-definition files (or one file) served beside the built-in plans (RULES.md §7): a
    /// city adds its next plan by dropping a file here, without a deployment of code.
    /// </summary>
    public string? PlansPath { get; set; }

    /// <summary>
    /// A private blob container of plan-definition files served beside the built-in plans (RULES.md §7), read at
    /// start-up with the app's identity: in Azure, where the app has no folder of its own to drop a file in, a
    /// city adds its next plan by uploading the file here and restarting the app.
    /// </summary>
    public string? PlansContainer { get; set; }

    /// <summary>
    /// The default plan (two-part upload paths, command-line verbs without <c>--plan</c>); unset, the
    /// built-in plan marked <c>"default": true</c> in its file.
    /// </summary>
    public string? DefaultPlanId { get; set; }

    /// <summary>The older name of <see cref="DefaultPlanId"/> (a deployment of one plan); used where that is
    /// unset.</summary>
    public string? PlanId { get; set; }

    /// <summary>The default plan as configured: <see cref="DefaultPlanId"/>, else its older name
    /// <see cref="PlanId"/>.</summary>
    public string? ConfiguredDefaultPlanId() => DefaultPlanId ?? PlanId;

    /// <summary>Table transactions submitted in parallel while staging an upload.</summary>
    public int WriteParallelism { get; set; } = 4;

    /// <summary>Rejected or failed uploads whose staged rows a nightly run deletes at most.</summary>
    public int SweepUploadsPerRun { get; set; } = 10;

    /// <summary>Letters and digits put before every table and container name (empty in production).</summary>
    public string StoragePrefix { get; set; } = "";
}
