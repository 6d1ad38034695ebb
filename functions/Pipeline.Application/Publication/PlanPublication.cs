using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Review;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Application.Publication;

/// <summary>
/// One plan's part of the nightly run (RULES.md §3–§5): accepted observations into fiscal-year values,
/// progress, the feed files, published only when their content changed; then the portal push, whose
/// failure never touches the published feed.
/// </summary>
public sealed partial class PlanPublication(
    IUploadLedger ledger,
    IObservationStore store,
    ICommentaryStore commentary,
    IReviewLedger reviews,
    IFiscalYearConfirmations confirmations,
    IFeedStore feeds,
    TimeProvider clock,
    JapanCalendar calendar,
    IEnumerable<IPortalPublisher> portals,
    IPortalPushLedger portalPushes,
    ILogger<PlanPublication> logger)
{
    /// <summary>Aggregates and publishes one plan, then pushes it to each portal that publishes it.</summary>
    public async Task<AggregationRun> RunAsync(Plan plan, CancellationToken cancellationToken)
    {
        var records = new List<UploadRecord>();
        await foreach (var upload in ledger.CommittedAsync(plan.Id, cancellationToken))
        {
            records.Add(upload);
        }

        var uploads = new CommittedUploads(records);

        var observations = new List<StoredObservation>();
        await foreach (var observation in store.ObservationsAsync(plan, cancellationToken))
        {
            observations.Add(observation);
        }

        var evaluations = new List<StoredEvaluation>();
        await foreach (var evaluation in store.EvaluationsAsync(plan, cancellationToken))
        {
            evaluations.Add(evaluation);
        }

        var words = new List<StoredCommentary>();
        await foreach (var entry in commentary.CommentaryAsync(plan, cancellationToken))
        {
            words.Add(entry);
        }

        // The rows read once: what stands makes the values, and with how it came to stand, their provenance.
        var history = RevisionHistory.Trace(observations, uploads);
        var actuals = FiscalYearRollup.Combine(plan, history.Current);
        var feed = FeedBuilder.Build(plan, actuals,
            FeedBuilder.CurrentEvaluations(evaluations, uploads), clock.GetUtcNow(), calendar);
        var current = CommentaryHistory.Current(words, uploads).ToList();
        feed = FeedCommentaries.Attach(FeedProvenance.Attach(feed, history, uploads), current);
        feed = await ReviewedAsync(plan, feed, uploads, cancellationToken) with
        {
            LicenseDetail =
                FeedAttribution.For(plan, (await feeds.FolderUriAsync(plan.Id, cancellationToken))?.AbsoluteUri),
        };
        // The departments' standing commentary also goes into the committee's report (RULES.md §10).
        var standing = current.Select(c => c.Commentary).ToList();
        var hash = FeedFiles.ContentHash(feed, standing);
        var changed = await feeds.PublishedHashAsync(plan.Id, cancellationToken) != hash;
        // The files are built only when something will take them.
        var files = new Lazy<IReadOnlyList<FeedFile>>(() => FeedFiles.Create(feed, standing));
        if (changed)
        {
            await feeds.PublishAsync(plan.Id, files.Value, hash, feed.GeneratedAt, cancellationToken);
        }

        // The blob feed is published first and stands whatever a portal does; a portal that has not
        // taken this content where the plan now goes (it failed last time, the content is new, or the plan was
        // pointed at another dataset) is pushed to now. A portal
        // without a place for this plan (no CKAN dataset for it) is left alone, said once per run.
        bool? pushed = null;
        foreach (var portal in portals)
        {
            if (portal.DestinationOf(plan.Id) is not { } destination)
            {
                LogNotPublished(plan.Id.Value, portal.Name);
                continue;
            }

            var mark = new PortalPushMark(hash, destination);
            if (await portalPushes.LastPushedAsync(plan.Id, portal.Name, cancellationToken) == mark)
            {
                continue;
            }

            var ok = await portal.PushAsync(plan.Id, files.Value, cancellationToken);
            if (ok)
            {
                await portalPushes.RecordPushedAsync(plan.Id, portal.Name, mark, cancellationToken);
            }

            pushed = ok && (pushed ?? true);
        }

        LogRun(plan.Id.Value, observations.Count, uploads.AcceptedCount, changed, hash, pushed);
        return new AggregationRun(feed, hash, changed, observations.Count, uploads.AcceptedCount, pushed);
    }

    /// <summary>
    /// RULES.md §14: when each value's uploads were approved, and which revisions came after their year's confirmation
    /// (an upload is published when approved, or when accepted where it needed no approval).
    /// </summary>
    private async Task<ProgressFeed> ReviewedAsync(
        Plan plan, ProgressFeed feed, CommittedUploads uploads, CancellationToken cancellationToken)
    {
        // An approval commits the upload as accepted, or as a duplicate of the upload it repeats (RULES.md §2).
        var approved = (await reviews.ReviewsAsync(plan.Id, cancellationToken)).Values
            .Where(r => r.Status is UploadStatus.Accepted or UploadStatus.Duplicate && r.DecidedAt is not null)
            .ToDictionary(r => r.UploadId, r => r.DecidedAt!.Value, StringComparer.Ordinal);
        var published = uploads.Records.ToDictionary(u => u.UploadId.Value,
            u => approved.TryGetValue(u.UploadId.Value, out var at) ? at : u.ProcessedOn, StringComparer.Ordinal);
        var confirmed = new ConfirmedYears(await confirmations.AllAsync(plan.Id, cancellationToken));
        return FeedReviews.Attach(feed, approved, published, confirmed);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message =
            "Nightly run of {PlanId}: {Observations} observations from {AcceptedUploads} accepted uploads; published " +
                "{Published} (content {ContentHash}); portal {PortalPushed}")]
    private partial void LogRun(string planId, int observations, int acceptedUploads, bool published,
        string contentHash, bool? portalPushed);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Plan {PlanId} is not pushed to portal {Portal}: the portal has no place for it; its feed is published to " +
            "the blob feed only")]
    private partial void LogNotPublished(string planId, string portal);
}
