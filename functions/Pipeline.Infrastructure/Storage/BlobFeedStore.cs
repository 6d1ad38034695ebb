using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Feed;
using Pipeline.Core.Ports;
using Pipeline.Core.Publication;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The feed in the <c>opendata</c> container at <c>feeds/v1/{planId}/</c>, with dated copies under
/// <c>archive/{yyyy-MM-dd}/</c>. progress.json is written last and carries the content hash in its
/// metadata: a run that died halfway publishes again next time.
/// </summary>
public sealed class BlobFeedStore(StorageAccount storage) : IFeedStore
{
    private const string HashKey = "contenthash";

    public Task<string?> PublishedHashAsync(string planId, CancellationToken cancellationToken) =>
        HashAsync(Path(planId, FeedFiles.JsonName), cancellationToken);

    public Task<string?> PublishedIndexHashAsync(CancellationToken cancellationToken) => HashAsync(PlanIndex.JsonPath, cancellationToken);

    public async Task PublishIndexAsync(IReadOnlyList<FeedFile> files, string contentHash, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        var metadata = new Dictionary<string, string> { [HashKey] = contentHash };
        foreach (var file in files.OrderBy(f => f.Name == PlanIndex.JsonPath))
        {
            await Upload(container.GetBlobClient(file.Name), file, metadata, cancellationToken);
        }
    }

    private async Task<string?> HashAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(HashKey, out var hash) ? hash : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task PublishAsync(string planId, IReadOnlyList<FeedFile> files, string contentHash, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        var day = generatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string> { [HashKey] = contentHash };
        var ordered = files.OrderBy(f => f.Name == FeedFiles.JsonName).ToList();
        foreach (var file in ordered.Where(f => FeedFiles.ArchivedNames.Contains(f.Name)))
        {
            await Upload(container.GetBlobClient(Path(planId, $"archive/{day}/{file.Name}")), file, metadata, cancellationToken);
        }

        foreach (var file in ordered)
        {
            await Upload(container.GetBlobClient(Path(planId, file.Name)), file, metadata, cancellationToken);
        }
    }

    public Task<PublishedFeed?> ReadAsync(string planId, CancellationToken cancellationToken) =>
        ReadBlobAsync(Path(planId, FeedFiles.JsonName), cancellationToken);

    public Task<PublishedFeed?> ReadIndexAsync(CancellationToken cancellationToken) => ReadBlobAsync(PlanIndex.JsonPath, cancellationToken);

    private async Task<PublishedFeed?> ReadBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return new PublishedFeed(content.Value.Content.ToArray(),
                content.Value.Details.Metadata.TryGetValue(HashKey, out var hash) ? hash : content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Uri?> FolderUriAsync(string planId, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        return new Uri(container.Uri.AbsoluteUri.TrimEnd('/') + "/" + FeedFiles.Folder(planId) + "/");
    }

    /// <summary>The blob name of a feed file.</summary>
    public static string Path(string planId, string name) => $"{FeedFiles.Folder(planId)}/{name}";

    private static Task Upload(Azure.Storage.Blobs.BlobClient blob, FeedFile file, IDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        blob.UploadAsync(new BinaryData(file.Content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = file.CacheControl },
            Metadata = metadata,
        }, cancellationToken);
}
