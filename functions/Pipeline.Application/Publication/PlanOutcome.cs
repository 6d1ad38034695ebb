namespace Pipeline.Application.Publication;

/// <summary>What handling one plan's message did: the reason it was recomputed and the run, or why nothing was
/// done.</summary>
public sealed record PlanOutcome(string PlanId, PlanReason? Reason, AggregationRun? Run, PlanSkip? SkippedBecause =
    null)
{
    public bool Recomputed => Run is not null;
}
