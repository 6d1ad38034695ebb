using Azure;
using Pipeline.Application.Ports;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The uploads container read with the Blob SDK: the version of a blob that was read (its ETag, last-modified time
/// and version id say which upload it is and when it was received, whatever overwrote the name before or after),
/// its content as a stream, and the file's name and who uploaded it (metadata written by
/// <see cref="BlobUploadStore"/>).
/// </summary>
public sealed class BlobUploadSource(StorageAccount storage) : IUploadSource
{
    /// <inheritdoc />
    public string ContainerName => storage.ContainerName(StorageNames.UploadsContainer);

    /// <inheritdoc />
    public async Task<UploadedFile?> OpenAsync(UploadPath path, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        try
        {
            var download = (await container.GetBlobClient(path.BlobName)
                .DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var details = download.Details;
            var version = new ReceivedVersion(details.ETag.ToString(), details.LastModified, details.VersionId);
            return new UploadedFile(path, version, download.Content,
                Metadata(details.Metadata, BlobUploadStore.UploadedByMetadata),
                Metadata(details.Metadata, BlobUploadStore.FileNameMetadata));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string? Metadata(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? BlobUploadStore.Decode(value) : null;
}
