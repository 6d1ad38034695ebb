using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;

namespace Pipeline.Application.Ports;

/// <summary>Where the feed is published (the <c>opendata</c> container).</summary>
public interface IFeedStore
{
    /// <summary>The content hash of the feed published last, if any.</summary>
    Task<string?> PublishedHashAsync(PlanId planId, CancellationToken cancellationToken);

    /// <summary>Writes the files, a dated archive copy, and progress.json last (it carries the hash).</summary>
    Task PublishAsync(PlanId planId, IReadOnlyList<FeedFile> files, string contentHash, DateTimeOffset generatedAt,
        CancellationToken cancellationToken);

    /// <summary>The public URL of the plan's feed folder (named in the attribution's source line), if it has
    /// one.</summary>
    Task<Uri?> FolderUriAsync(PlanId planId, CancellationToken cancellationToken) => Task.FromResult<Uri?>(null);

    /// <summary>The index of plans as published now: its content hash and the version of each of its files.</summary>
    Task<IndexVersion> IndexVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the index of plans, the landing page and the deployment's zip (named by their paths in the container),
    /// the index
    /// last, each only over the version in <paramref name="expected"/>; false where another writer came first.
    /// </summary>
    Task<bool> TryPublishIndexAsync(IReadOnlyList<FeedFile> files, string contentHash, IndexVersion expected,
        CancellationToken cancellationToken);

    /// <summary>The latest index of plans (feeds/v1/index.json), if published.</summary>
    Task<PublishedFeed?> ReadIndexAsync(CancellationToken cancellationToken);

    /// <summary>A file of the plan's published feed (by its name in the plan's folder), if published.</summary>
    Task<byte[]?> ReadFileAsync(PlanId planId, string name, CancellationToken cancellationToken);

    /// <summary>The latest progress.json, if published.</summary>
    Task<PublishedFeed?> ReadAsync(PlanId planId, CancellationToken cancellationToken);
}
