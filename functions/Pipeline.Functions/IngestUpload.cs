using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Functions;

/// <summary>A department's upload, as Event Grid announces it (the only blob source Flex Consumption supports).</summary>
public sealed class IngestUpload(BlobIngestor ingestor)
{
    [Function(nameof(IngestUpload))]
    public Task Run(
        [BlobTrigger("uploads/{department}/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        ingestor.IngestAsync(blob, cancellationToken);
}
