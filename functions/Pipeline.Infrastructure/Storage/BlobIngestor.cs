using Azure.Storage.Blobs;
using Pipeline.Application.Ingestion;

namespace Pipeline.Infrastructure.Storage;

/// <summary>Runs an uploaded blob through the ingestion of its plan: what the blob trigger, <c>ingest</c> and <c>replay</c> all do.</summary>
public sealed class BlobIngestor(UploadRouter ingestion)
{
    public async Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        var uploadedBy = download.Details.Metadata.TryGetValue(BlobUploadStore.UploadedByMetadata, out var person) ? BlobUploadStore.DecodePerson(person) : null;
        return await ingestion.IngestAsync(new UploadedFile(blob.Name, download.Details.CreatedOn, download.Content, uploadedBy), cancellationToken);
    }
}
