using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Commentary;

/// <summary>
/// Which commentary stands: per indicator and fiscal year, that of the upload received last (RULES.md §2, §13).
/// </summary>
public static class CommentaryHistory
{
    /// <summary>The standing commentary of each indicator and fiscal year among the committed uploads.</summary>
    public static IEnumerable<StoredCommentary> Current(
        IEnumerable<StoredCommentary> stored, CommittedUploads uploads) =>
        stored.Where(c => uploads.Contains(c.UploadId))
            .GroupBy(c => (c.IndicatorId, c.FiscalYear))
            .Select(g => Supersession.Standing(g, uploads, c => c.Order, (a, b) => a.Commentary == b.Commentary)!);
}
