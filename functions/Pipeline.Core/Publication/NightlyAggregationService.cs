using Microsoft.Extensions.Logging;
using Pipeline.Core.Aggregation;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Feed;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Progress;

namespace Pipeline.Core.Publication;

/// <summary>The published feed as stored: its bytes and the content hash that serves as its ETag.</summary>
public sealed record PublishedFeed(byte[] Json, string ContentHash);

/// <summary>Where the feed is published (the <c>opendata</c> container).</summary>
public interface IFeedStore
{
    /// <summary>The content hash of the feed published last, if any.</summary>
    Task<string?> PublishedHashAsync(string planId, CancellationToken cancellationToken);

    /// <summary>Writes the files, a dated archive copy, and progress.json last (it carries the hash).</summary>
    Task PublishAsync(string planId, IReadOnlyList<FeedFile> files, string contentHash, DateTimeOffset generatedAt, CancellationToken cancellationToken);

    /// <summary>The latest progress.json, if published.</summary>
    Task<PublishedFeed?> ReadAsync(string planId, CancellationToken cancellationToken);
}

/// <summary>A portal the feed is pushed to after publication (a CKAN site such as BODIK ODCS).</summary>
public interface IPortalPublisher
{
    /// <summary>A stable name for the portal, under which its last successful push is remembered.</summary>
    string Name { get; }

    /// <summary>Pushes the files; returns false (and logs why) where the portal did not take them. Never throws for a portal fault.</summary>
    Task<bool> PushAsync(string planId, IReadOnlyList<FeedFile> files, CancellationToken cancellationToken);
}

/// <summary>Remembers which feed content each portal last took, so a failed push is tried again next run.</summary>
public interface IPortalPushLedger
{
    Task<string?> LastPushedAsync(string planId, string portal, CancellationToken cancellationToken);

    Task RecordPushedAsync(string planId, string portal, string contentHash, CancellationToken cancellationToken);
}

/// <summary>What a nightly run did.</summary>
public sealed record AggregationRun(ProgressFeed Feed, string ContentHash, bool Published, int Observations, int AcceptedUploads, bool? PortalPushed);

/// <summary>
/// The nightly run (contract §3–§5): accepted observations into fiscal-year values, progress, the
/// feed files, published only when their content changed; then the portal push, whose failure never
/// touches the published feed.
/// </summary>
public sealed partial class NightlyAggregationService(
    Plan plan,
    IUploadLedger ledger,
    IObservationStore store,
    IFeedStore feeds,
    TimeProvider clock,
    FreshnessRule freshness,
    IEnumerable<IPortalPublisher> portals,
    IPortalPushLedger portalPushes,
    ILogger<NightlyAggregationService> logger)
{
    public async Task<AggregationRun> RunAsync(CancellationToken cancellationToken)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var upload in ledger.AcceptedAsync(plan.Id, cancellationToken))
        {
            accepted.Add(upload.UploadId);
        }

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

        var actuals = FiscalYearRollup.Combine(plan, observations, accepted);
        var feed = FeedBuilder.Build(plan, actuals, FeedBuilder.CurrentEvaluations(evaluations, accepted), clock.GetUtcNow(), freshness);
        var hash = FeedFiles.ContentHash(feed);
        var changed = await feeds.PublishedHashAsync(plan.Id, cancellationToken) != hash;
        // The files are built only when something will take them.
        var files = new Lazy<IReadOnlyList<FeedFile>>(() => FeedFiles.Create(feed));
        if (changed)
        {
            await feeds.PublishAsync(plan.Id, files.Value, hash, feed.GeneratedAt, cancellationToken);
        }

        // The blob feed is published first and stands whatever a portal does; a portal that has not
        // taken this content yet (it failed last time, or the content is new) is pushed to now.
        bool? pushed = null;
        foreach (var portal in portals)
        {
            if (await portalPushes.LastPushedAsync(plan.Id, portal.Name, cancellationToken) == hash)
            {
                continue;
            }

            var ok = await portal.PushAsync(plan.Id, files.Value, cancellationToken);
            if (ok)
            {
                await portalPushes.RecordPushedAsync(plan.Id, portal.Name, hash, cancellationToken);
            }

            pushed = ok && (pushed ?? true);
        }

        LogRun(plan.Id, observations.Count, accepted.Count, changed, hash, pushed);
        return new AggregationRun(feed, hash, changed, observations.Count, accepted.Count, pushed);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Nightly run of {PlanId}: {Observations} observations from {AcceptedUploads} accepted uploads; published {Published} (content {ContentHash}); portal {PortalPushed}")]
    private partial void LogRun(string planId, int observations, int acceptedUploads, bool published, string contentHash, bool? portalPushed);
}
