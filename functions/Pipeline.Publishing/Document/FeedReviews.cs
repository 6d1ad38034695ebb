using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;

namespace Pipeline.Publishing.Document;

/// <summary>
/// RULES.md §14 on the feed's provenance: each value's uploads with when the secretariat approved them
/// (<c>source.approvedAt</c>, never who), and each revision marked <c>afterConfirmation</c> where the upload that made
/// it was published after its fiscal year was first confirmed.
/// </summary>
public static class FeedReviews
{
    /// <summary>
    /// The feed with approval times and after-confirmation marks: <paramref name="approvedAt"/> per approved upload,
    /// <paramref name="publishedAt"/> when each accepted upload became published (approved, or accepted on arrival).
    /// </summary>
    public static ProgressFeed Attach(
        ProgressFeed feed, IReadOnlyDictionary<string, DateTimeOffset> approvedAt,
        IReadOnlyDictionary<string, DateTimeOffset> publishedAt, ConfirmedYears confirmed) =>
        feed with
        {
            Indicators = feed.Indicators.Select(indicator => indicator with
            {
                Actuals = indicator.Actuals.Select(actual => actual with
                {
                    Source = actual.Source is { } source
                        ? source with
                        {
                            ApprovedAt = source.UploadIds.Select(id => Approved(approvedAt, id)).ToList(),
                        }
                        : null,
                    Revisions = actual.Revisions?.Select(r => r with
                    {
                        AfterConfirmation = publishedAt.TryGetValue(r.UploadId, out var at)
                            && confirmed.IsAfterConfirmation(new FiscalYear(actual.FiscalYear), at),
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };

    private static DateTimeOffset? Approved(IReadOnlyDictionary<string, DateTimeOffset> approvedAt, string uploadId) =>
        approvedAt.TryGetValue(uploadId, out var at) ? at.ToUniversalTime() : null;
}
