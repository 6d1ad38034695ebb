namespace Pipeline.Hosting;

/// <summary>Settings of section <c>Pipeline</c> (app settings <c>Pipeline__PlanId</c> and so on).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>The plan served: a built-in plan id, unless <see cref="PlanFile"/> names a plan-definition file.</summary>
    public string PlanId { get; set; } = Core.Catalogue.BuiltInPlans.KumamotoWelfare4;

    /// <summary>A plan-definition file to load instead of a built-in plan (another city's or a later plan).</summary>
    public string? PlanFile { get; set; }

    /// <summary>Table transactions submitted in parallel while staging an upload.</summary>
    public int WriteParallelism { get; set; } = 4;

    /// <summary>Rejected or failed uploads whose staged rows a nightly run deletes at most.</summary>
    public int SweepUploadsPerRun { get; set; } = 10;

    /// <summary>Letters and digits put before every table and container name (empty in production).</summary>
    public string StoragePrefix { get; set; } = "";
}
