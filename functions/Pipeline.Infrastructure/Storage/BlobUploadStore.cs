using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// Stores portal uploads in container <c>uploads</c> (the blob trigger ingests them from there) and reads
/// their reports from <c>upload-reports</c>. Who uploaded a file goes into the blob's metadata,
/// percent-encoded because metadata values are ASCII; <see cref="BlobUploadSource"/> reads it back for the ledger.
/// </summary>
public sealed class BlobUploadStore(StorageAccount storage) : IUploadStore
{
    /// <summary>The metadata key of the person who uploaded a blob.</summary>
    public const string UploadedByMetadata = "uploadedby";

    public async Task StoreAsync(string blobName, Stream content, string uploadedBy, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        await container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [UploadedByMetadata] = Uri.EscapeDataString(uploadedBy) },
        }, cancellationToken);
    }

    public async Task<UploadReport?> ReportAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.ReportsContainer, cancellationToken);
        try
        {
            var download = await container.GetBlobClient(UploadReport.BlobNameFor(blobName)).DownloadContentAsync(cancellationToken);
            return UploadReport.FromJson(download.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The person as written by <see cref="StoreAsync"/>.</summary>
    public static string DecodePerson(string metadataValue) => Uri.UnescapeDataString(metadataValue);
}
