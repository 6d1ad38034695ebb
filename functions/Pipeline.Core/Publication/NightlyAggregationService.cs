using Microsoft.Extensions.Logging;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Feed;
using Pipeline.Core.Ports;

namespace Pipeline.Core.Publication;

/// <summary>
/// The nightly run over the plan set (RULES.md §7): every served plan is aggregated and published, then
/// the index of plans (<c>feeds/v1/index.json</c>) and the landing page (<c>index.html</c>). A plan file
/// that is not served is logged with its problems and leaves the others alone. Only the default plan
/// is pushed to the portals (one portal dataset per deployment).
/// </summary>
public sealed partial class NightlyAggregationService(
    PlanSet plans,
    PlanPublication publication,
    IFeedStore feeds,
    TimeProvider clock,
    ILogger<NightlyAggregationService> logger)
{
    public async Task<NightlyRun> RunAsync(CancellationToken cancellationToken)
    {
        var runs = new List<AggregationRun>();
        foreach (var plan in plans.Plans)
        {
            runs.Add(await publication.RunAsync(plan, pushToPortals: plan.Id == plans.DefaultPlanId, cancellationToken));
        }

        var notServed = plans.Entries.Where(e => !e.IsValid).ToList();
        foreach (var entry in notServed)
        {
            LogNotServed(entry.Id, entry.Source, entry.Problems.Count, string.Join("; ", entry.Problems));
        }

        var index = PlanIndex.Build(runs.Select(r => r.Feed).ToList(), clock.GetUtcNow());
        var hash = PlanIndex.ContentHash(index);
        var changed = await feeds.PublishedIndexHashAsync(cancellationToken) != hash;
        if (changed)
        {
            await feeds.PublishIndexAsync(PlanIndex.Files(index), hash, cancellationToken);
        }

        return new NightlyRun(runs, notServed, changed);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Plan file {Source} (plan {PlanId}) is not served: {Count} problem(s): {Problems}")]
    private partial void LogNotServed(string planId, string source, int count, string problems);
}
