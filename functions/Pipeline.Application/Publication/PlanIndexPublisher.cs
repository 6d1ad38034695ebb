using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Application.Publication;

/// <summary>
/// The index of plans, the landing page and the deployment's zip (RULES.md §5, §7), built from the publication
/// records of the served plans (never from a feed or an observation) and each plan's published zip, published only
/// when the index or a plan's content changed (the records' content hashes are part of its hash). Plans are
/// computed in parallel by the queue function, so the index is written only over the version it was
/// built against; when another writer came first it is built again from the records.
/// </summary>
public sealed class PlanIndexPublisher(IPlanSetSource planSource, IPublicationRecords records, IFeedStore feeds,
    TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>Builds and, when its content changed, publishes the index; returns it and whether it was
    /// written.</summary>
    public async Task<(PlanIndexDocument Index, bool Published)> PublishAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = await feeds.IndexVersionAsync(cancellationToken);
            var (index, planHashes) = await BuildAsync(cancellationToken);
            var hash = IndexFiles.ContentHash(index, planHashes);
            if (version.ContentHash == hash)
            {
                return (index, false);
            }

            var zips = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var plan in index.Plans)
            {
                if (await feeds.ReadFileAsync(PlanId.Parse(plan.Id), FeedPaths.ZipName, cancellationToken) is { } zip)
                {
                    zips[plan.Id] = zip;
                }
            }

            IReadOnlyList<FeedFile> files = [.. IndexFiles.Create(index), FeedFiles.DeploymentArchive(index, zips)];
            if (await feeds.TryPublishIndexAsync(files, hash, version, cancellationToken))
            {
                return (index, true);
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException(
                    $"The index of plans changed under {Attempts} attempts to publish it; the next plan or nightly " +
                        $"run publishes it.");
            }
        }
    }

    /// <summary>True where every served plan has a record (so an index built now lists them all).</summary>
    public async Task<bool> CoversEveryPlanAsync(CancellationToken cancellationToken)
    {
        var plans = await planSource.CurrentAsync(cancellationToken);
        var recorded = (await records.AllAsync(cancellationToken)).Select(r => r.PlanId)
            .ToHashSet(StringComparer.Ordinal);
        return plans.Plans.All(p => recorded.Contains(p.Id.Value));
    }

    private async Task<(PlanIndexDocument Index, IEnumerable<string> PlanHashes)> BuildAsync(
        CancellationToken cancellationToken)
    {
        var plans = await planSource.CurrentAsync(cancellationToken);
        var recorded = (await records.AllAsync(cancellationToken)).ToDictionary(r => r.PlanId, StringComparer.Ordinal);
        var served = plans.Plans.Where(p => recorded.ContainsKey(p.Id.Value))
            .OrderBy(p => p.Id.Value, StringComparer.Ordinal)
            .ToList();
        var entries = served.Select(p => (FeedBuilder.PublisherOf(p), recorded[p.Id.Value].IndexEntry)).ToList();
        return (PlanIndex.Build(entries, clock.GetUtcNow()),
            served.Select(p => $"{p.Id}:{recorded[p.Id.Value].ContentHash}"));
    }
}
