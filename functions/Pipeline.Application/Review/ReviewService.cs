using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Review;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Review;

/// <summary>
/// The secretariat's review (RULES.md §14): the queue of uploads waiting for it with what each would change, and its
/// decision on one, recorded with the person and the comment, the upload's report rewritten to say so.
/// </summary>
public sealed class ReviewService(
    IReviewLedger reviews,
    IUploadLedger ledger,
    IObservationStore observations,
    ICommentaryStore commentary,
    UploadReportLookup lookup,
    IUploadReports reports,
    TimeProvider clock)
{
    /// <summary>Every upload of the plan waiting for review, oldest first, with old → new per key.</summary>
    public async Task<ReviewQueueDocument> QueueAsync(Plan plan, CancellationToken cancellationToken)
    {
        var pending = (await reviews.WaitingAsync(plan.Id, cancellationToken))
            .Where(u => u.Status == UploadStatus.PendingReview).ToList();
        if (pending.Count == 0)
        {
            return new ReviewQueueDocument(plan.Id.Value, []);
        }

        var committed = new List<UploadRecord>();
        await foreach (var upload in ledger.CommittedAsync(plan.Id, cancellationToken))
        {
            committed.Add(upload);
        }

        var accepted = new CommittedUploads(committed);
        var waiting = pending.Select(p => p.UploadId).ToHashSet();
        var rows = new List<StoredObservation>();
        await foreach (var o in observations.ObservationsAsync(plan, cancellationToken))
        {
            if (accepted.Contains(o.UploadId) || waiting.Contains(o.UploadId))
            {
                rows.Add(o);
            }
        }

        var words = new List<StoredCommentary>();
        await foreach (var c in commentary.CommentaryAsync(plan, cancellationToken))
        {
            if (waiting.Contains(c.UploadId))
            {
                words.Add(c);
            }
        }

        var standing = FiscalYearRollup.Current(rows, accepted)
            .ToDictionary(o => (o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month));
        var byUpload = rows.ToLookup(o => o.UploadId);
        var wordsByUpload = words.ToLookup(c => c.UploadId);
        var order = plan.Indicators.Select((i, n) => (Id: i.Id.Value, n))
            .ToDictionary(x => x.Id, x => x.n, StringComparer.Ordinal);
        return new ReviewQueueDocument(plan.Id.Value, pending.Select(upload => new PendingUpload(
            upload.UploadId, upload.Department.ToString(), upload.DisplayName, upload.ReceivedAt,
            byUpload[upload.UploadId]
                .OrderBy(o => order.GetValueOrDefault(o.IndicatorId))
                .ThenBy(o => o.FiscalYear).ThenBy(o => o.AreaCode, StringComparer.Ordinal).ThenBy(o => o.Month ?? 0)
                .Select(o => Change(o, standing.GetValueOrDefault((o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month))))
                .ToList(),
            wordsByUpload[upload.UploadId].Select(c => c.Commentary).ToList(),
            upload.UploadedBy)).ToList());
    }

    /// <summary>
    /// Approves or returns an upload waiting for review, as <paramref name="actorName"/> (<paramref name="actorId"/>),
    /// with <paramref name="comment"/> (required to return); the upload's report says so afterwards.
    /// </summary>
    public async Task<ReviewOutcome> DecideAsync(Plan plan, UploadId uploadId, ReviewDecision decision, string? comment,
        string actorId, string actorName, CancellationToken cancellationToken)
    {
        if (await reviews.FindAsync(plan.Id, uploadId, cancellationToken) is not { } held)
        {
            return new ReviewOutcome(null, NotFound: true);
        }

        if (held.Status != UploadStatus.PendingReview)
        {
            return new ReviewOutcome(null, AlreadyStatus: held.Status);
        }

        var kind = decision == ReviewDecision.Approve ? ReviewActionKind.Approve : ReviewActionKind.Return;
        var action = new ReviewAction(kind, plan.Id.Value, actorId, actorName, clock.GetUtcNow(),
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), held.Department.ToString(),
            held.UploadId.Value);
        if (await reviews.DecideAsync(held, decision, action, cancellationToken) is not { } decided)
        {
            var now = await reviews.FindAsync(plan.Id, uploadId, cancellationToken);
            return new ReviewOutcome(null, AlreadyStatus: now?.Status ?? held.Status);
        }

        // The department reads the decision and the comment in the upload's own report (approved, it may be a
        // duplicate of the upload it repeats, RULES.md §2).
        var (planId, departmentId) = (plan.Id, decided.Department.Id
            ?? throw new InvalidOperationException($"Upload {decided.UploadId} was held without a department id."));
        if (await lookup.FindAsync(planId, departmentId, decided.UploadId, cancellationToken) is { } report)
        {
            await reports.WriteAsync(ReportNames.Of(plan.Id.Value, departmentId.Value, decided.UploadId), report with
            {
                Status = decided.Status,
                DuplicateOf = decided.DuplicateOf,
                Notice = decided.Status switch
                {
                    UploadStatus.Accepted => ReportNotices.LatestReceivedWins,
                    UploadStatus.Duplicate when decided.DuplicateOf is { } of => ReportNotices.Duplicate(of),
                    _ => null,
                },
                Review = new ReportReview(decided.Status, action.At, actorName, action.Reason),
            }, cancellationToken);
        }

        return new ReviewOutcome(decided);
    }

    private static ReviewChange Change(StoredObservation row, StoredObservation? before) => new(
        row.IndicatorId, row.FiscalYear.Value, row.AreaCode, row.Month, before?.Value, row.Value, before?.Flag,
        row.Flag, row.Note);
}
