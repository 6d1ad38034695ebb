using Pipeline.Core.Catalogue;

namespace Pipeline.Core.Publication;

/// <summary>What a nightly run did: each served plan's run, the plan files not served, and whether the index changed.</summary>
public sealed record NightlyRun(IReadOnlyList<AggregationRun> Plans, IReadOnlyList<PlanSetEntry> NotServed, bool IndexPublished)
{
    /// <summary>The run of one plan.</summary>
    public AggregationRun For(string planId) => Plans.Single(r => r.Feed.Plan.Id == planId);
}
