using Pipeline.Domain.Catalogue;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Application.Ports;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The feed in the <c>opendata</c> container at <c>feeds/v1/{planId}/</c>, with dated copies under
/// <c>archive/{yyyy-MM-dd}/</c>. progress.json is written last and carries the content hash in its
/// metadata: a run that died halfway publishes again next time.
/// </summary>
public sealed class BlobFeedStore(StorageAccount storage) : IFeedStore
{
    private const string HashKey = "contenthash";

    public Task<string?> PublishedHashAsync(PlanId planId, CancellationToken cancellationToken) =>
        HashAsync(Path(planId, FeedPaths.JsonName), cancellationToken);

    /// <remarks>
    /// The ETag of index.json, of the landing page and of the deployment's zip (absent: null), and the hash in
    /// index.json's metadata.
    /// </remarks>
    public async Task<IndexVersion> IndexVersionAsync(CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        string? hash = null;
        var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in new[] { FeedPaths.LandingPath, FeedPaths.DeploymentZipPath, FeedPaths.IndexPath })
        {
            try
            {
                var properties =
                    (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken))
                        .Value;
                versions[name] = properties.ETag.ToString();
                hash = name == FeedPaths.IndexPath && properties.Metadata.TryGetValue(HashKey, out var h) ? h : hash;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                versions[name] = null;
            }
        }

        return new IndexVersion(hash, versions);
    }

    /// <remarks>
    /// Each file is written If-Match its ETag as read (If-None-Match * where it was absent), the landing page
    /// first and index.json last: of two writers built from different records, the later one's writes fail
    /// and it builds again, so the files published always come from the newest records.
    /// </remarks>
    public async Task<bool> TryPublishIndexAsync(IReadOnlyList<FeedFile> files, string contentHash,
        IndexVersion expected, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        var metadata = new Dictionary<string, string> { [HashKey] = contentHash };
        try
        {
            foreach (var file in files.OrderBy(f => f.Name == FeedPaths.IndexPath))
            {
                var etag = expected.FileVersions.GetValueOrDefault(file.Name);
                var conditions = etag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                    : new BlobRequestConditions { IfMatch = new ETag(etag) };
                await Upload(container.GetBlobClient(file.Name), file, metadata, cancellationToken, conditions);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task<string?> HashAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(blobName)
                .GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(HashKey, out var hash) ? hash : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task PublishAsync(PlanId planId, IReadOnlyList<FeedFile> files, string contentHash,
        DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        var day = generatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string> { [HashKey] = contentHash };
        var ordered = files.OrderBy(f => f.Name == FeedPaths.JsonName).ToList();
        foreach (var file in ordered.Where(f => FeedFiles.ArchivedNames.Contains(f.Name)))
        {
            await Upload(container.GetBlobClient(Path(planId, $"archive/{day}/{file.Name}")), file, metadata,
                cancellationToken);
        }

        foreach (var file in ordered)
        {
            await Upload(container.GetBlobClient(Path(planId, file.Name)), file, metadata, cancellationToken);
        }
    }

    public Task<PublishedFeed?> ReadAsync(PlanId planId, CancellationToken cancellationToken) =>
        ReadBlobAsync(Path(planId, FeedPaths.JsonName), cancellationToken);

    public async Task<byte[]?> ReadFileAsync(PlanId planId, string name, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        try
        {
            return (await container.GetBlobClient(Path(planId, name)).DownloadContentAsync(cancellationToken))
                .Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task<PublishedFeed?> ReadIndexAsync(CancellationToken cancellationToken) =>
        ReadBlobAsync(FeedPaths.IndexPath, cancellationToken);

    private async Task<PublishedFeed?> ReadBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return new PublishedFeed(content.Value.Content.ToArray(),
                content.Value.Details.Metadata.TryGetValue(HashKey, out var hash) ? hash
                    : content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Uri?> FolderUriAsync(PlanId planId, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        return new Uri(container.Uri.AbsoluteUri.TrimEnd('/') + "/" + FeedPaths.Folder(planId) + "/");
    }

    /// <summary>The blob name of a feed file.</summary>
    public static string Path(PlanId planId, string name) => $"{FeedPaths.Folder(planId)}/{name}";

    private static Task Upload(Azure.Storage.Blobs.BlobClient blob, FeedFile file, IDictionary<string,
        string> metadata, CancellationToken cancellationToken,
        BlobRequestConditions? conditions = null) =>
        blob.UploadAsync(new BinaryData(file.Content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = file.CacheControl },
            Metadata = metadata,
            Conditions = conditions,
        }, cancellationToken);
}
