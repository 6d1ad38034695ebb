using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;

namespace Pipeline.Application.Publication;

/// <summary>
/// The committee's report of a plan for any fiscal year (<c>pipeline report</c>), from the plan's published feed and
/// the
/// departments' standing commentary, the same inputs as the report published beside the feed (RULES.md §10).
/// </summary>
public sealed class CommitteeReportService(IFeedStore feeds, IUploadLedger ledger, ICommentaryStore commentaryStore)
{
    /// <summary>The .docx bytes, or null where the plan has no published feed yet.</summary>
    public async Task<byte[]?> WriteAsync(Plan plan, int? fiscalYear, CancellationToken cancellationToken)
    {
        if (await feeds.ReadAsync(plan.Id, cancellationToken) is not { } published)
        {
            return null;
        }

        var feed = FeedFiles.ReadJson(published.Json);
        var committed = new List<UploadRecord>();
        await foreach (var upload in ledger.CommittedAsync(plan.Id, cancellationToken))
        {
            committed.Add(upload);
        }

        var accepted = new CommittedUploads(committed);

        var stored = new List<StoredCommentary>();
        await foreach (var entry in commentaryStore.CommentaryAsync(plan, cancellationToken))
        {
            stored.Add(entry);
        }

        var commentary = CommentaryHistory.Current(stored, accepted).Select(c => c.Commentary).ToList();
        return CommitteeReportDocx.Write(feed, fiscalYear ?? CommitteeReportDocx.DefaultFiscalYear(feed), commentary);
    }
}
