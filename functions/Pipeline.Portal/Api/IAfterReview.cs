namespace Pipeline.Portal.Api;

/// <summary>
/// What follows a change to what a plan publishes made in the portal (an approval, a commentary entry; RULES.md §14).
/// In Azure nothing: the next aggregation publishes it. <c>pipeline serve</c> runs the aggregation at once.
/// </summary>
public interface IAfterReview
{
    /// <summary>Called once the change is recorded; must not wait for the work it starts.</summary>
    void Changed(string planId);
}
