using Azure;
using Pipeline.Application.Ports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The uploads container read with the Blob SDK: a blob's content as a stream, its creation time and who
/// uploaded it (metadata written by <see cref="BlobUploadStore"/>).
/// </summary>
public sealed class BlobUploadSource(StorageAccount storage) : IUploadSource
{
    /// <inheritdoc />
    public string ContainerName => storage.ContainerName(StorageNames.UploadsContainer);

    /// <inheritdoc />
    public async Task<UploadedFile?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        try
        {
            var download = (await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var uploadedBy = download.Details.Metadata.TryGetValue(BlobUploadStore.UploadedByMetadata, out var person)
                ? BlobUploadStore.DecodePerson(person)
                : null;
            return new UploadedFile(blobName, download.Details.CreatedOn, download.Content, uploadedBy);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
