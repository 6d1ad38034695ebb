using Azure.Storage.Blobs.Models;
using Pipeline.Application.Ports;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// Stores uploads of the portal and the command line in container <c>uploads</c>, each at a path of its own (the
/// blob trigger ingests them from there). The file's name and who uploaded it go into the blob's metadata,
/// percent-encoded because metadata values are ASCII; <see cref="BlobUploadSource"/> reads them back for the ledger.
/// </summary>
public sealed class BlobUploadStore(StorageAccount storage) : IUploadStore
{
    /// <summary>The metadata key of the person who uploaded a blob.</summary>
    public const string UploadedByMetadata = "uploadedby";

    /// <summary>The metadata key of the file's name as the person gave it.</summary>
    public const string FileNameMetadata = "filename";

    /// <remarks>Conditional on no blob being there (If-None-Match: *): an upload never replaces another.</remarks>
    public async Task<ReceivedVersion> StoreAsync(
        UploadPath path, Stream content, string? uploadedBy, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        var metadata = new Dictionary<string, string> { [FileNameMetadata] = Uri.EscapeDataString(path.FileName) };
        if (uploadedBy is not null)
        {
            metadata[UploadedByMetadata] = Uri.EscapeDataString(uploadedBy);
        }

        var stored = (await container.GetBlobClient(path.BlobName).UploadAsync(content, new BlobUploadOptions
        {
            Metadata = metadata,
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        }, cancellationToken)).Value;
        return new ReceivedVersion(stored.ETag.ToString(), stored.LastModified, stored.VersionId);
    }

    /// <summary>A metadata value as written by <see cref="StoreAsync"/>.</summary>
    public static string Decode(string metadataValue) => Uri.UnescapeDataString(metadataValue);
}
