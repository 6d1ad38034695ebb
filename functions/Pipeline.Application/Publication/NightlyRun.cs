using Pipeline.Domain.Catalogue;
using Pipeline.Publishing.Document;

namespace Pipeline.Application.Publication;

/// <summary>
/// What a nightly run did: the run of each plan recomputed, the plans left alone as unchanged, the plan
/// files not served, the index of plans and whether it was published.
/// </summary>
public sealed record NightlyRun(
    IReadOnlyList<AggregationRun> Plans,
    IReadOnlyList<PlanOutcome> Unchanged,
    IReadOnlyList<PlanSetEntry> NotServed,
    bool IndexPublished,
    PlanIndexDocument Index)
{
    /// <summary>The run of one recomputed plan.</summary>
    public AggregationRun For(string planId) => Plans.Single(r => r.Feed.Plan.Id == planId);
}
