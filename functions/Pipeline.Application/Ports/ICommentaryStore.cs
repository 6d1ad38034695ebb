using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>
/// The departments' commentary per indicator and fiscal year (RULES.md §13), stored under the upload that brought it
/// like observations: invisible until the ledger accepts that upload. <see cref="CommentaryHistory.Current"/> picks
/// what stands; the committee report and the feed read it through this port.
/// </summary>
public interface ICommentaryStore
{
    /// <summary>Writes an upload's commentary; idempotent; invisible until the ledger accepts the upload.</summary>
    Task StageAsync(
        Plan plan, UploadRecord upload, IReadOnlyList<IndicatorCommentary> entries,
        CancellationToken cancellationToken);

    /// <summary>Every stored commentary of a plan, accepted or not; the reader joins with the ledger.</summary>
    IAsyncEnumerable<StoredCommentary> CommentaryAsync(Plan plan, CancellationToken cancellationToken);
}
