using Pipeline.Domain.Commentary;

namespace Pipeline.Publishing.Document;

/// <summary>
/// RULES.md §13 on the feed: each indicator gets the standing commentary of its fiscal years, in order.
/// </summary>
public static class FeedCommentaries
{
    /// <summary>The feed with the standing commentary (<see cref="CommentaryHistory"/>) on its indicators.</summary>
    public static ProgressFeed Attach(ProgressFeed feed, IEnumerable<StoredCommentary> current)
    {
        var byIndicator = current.Where(c => !c.Commentary.IsEmpty)
            .ToLookup(c => c.IndicatorId, StringComparer.Ordinal);
        return feed with
        {
            Indicators = feed.Indicators.Select(indicator => indicator with
            {
                Commentary = byIndicator[indicator.Id].OrderBy(c => c.FiscalYear)
                    .Select(c => new FeedCommentary(c.FiscalYear.Value, c.Commentary.Assessment, c.Commentary.Issues,
                        c.Commentary.NextSteps, c.DepartmentId, c.ReceivedAt.ToUniversalTime()))
                    .ToList(),
            }).ToList(),
        };
    }
}
