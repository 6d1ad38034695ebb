using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Commentary;

/// <summary>
/// Which commentary stands: per indicator and fiscal year, that of the latest accepted upload (RULES.md §13).
/// </summary>
public static class CommentaryHistory
{
    /// <summary>The standing commentary of each indicator and fiscal year among the accepted uploads.</summary>
    public static IEnumerable<StoredCommentary> Current(
        IEnumerable<StoredCommentary> stored, IReadOnlySet<string> acceptedUploads) =>
        stored.Where(c => acceptedUploads.Contains(c.UploadId))
            .GroupBy(c => (c.IndicatorId, c.FiscalYear))
            .Select(g => Supersession.Current(g, c => (c.BlobCreatedOn, c.UploadId)));
}
