namespace Pipeline.Portal.Api;

/// <summary>The Functions app's <see cref="IAfterReview"/>: nothing, the nightly aggregation publishes it.</summary>
public sealed class NextAggregationPublishes : IAfterReview
{
    public void Changed(string planId)
    {
        // The ledger's marker moved: the next nightly run recomputes the plan.
    }
}
