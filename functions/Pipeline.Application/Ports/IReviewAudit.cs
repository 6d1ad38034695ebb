using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;

namespace Pipeline.Application.Ports;

/// <summary>
/// Who did what and why (RULES.md §14): every approval, return, confirmation, reopening and commentary entry of a
/// plan, kept in Table Storage with the person's object id and name; shown in the portal, never published.
/// </summary>
public interface IReviewAudit
{
    /// <summary>Records an action that changes nothing else (a commentary entry's record).</summary>
    Task RecordAsync(ReviewAction action, CancellationToken cancellationToken);

    /// <summary>The plan's actions, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ReviewAction>> RecentAsync(PlanId planId, int limit, CancellationToken cancellationToken);
}
