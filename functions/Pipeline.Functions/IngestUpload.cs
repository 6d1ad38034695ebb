using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Functions;

/// <summary>
/// A department's upload, as Event Grid announces it (the only blob source Flex Consumption supports):
/// <c>uploads/{planId}/{departmentId}/{name}</c> or <c>uploads/{departmentId}/{name}</c> (RULES.md §2);
/// the ingestor reads the plan and department from the blob's name.
/// </summary>
public sealed class IngestUpload(BlobIngestor ingestor)
{
    [Function(nameof(IngestUpload))]
    public Task Run(
        [BlobTrigger("uploads/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        ingestor.IngestAsync(blob, cancellationToken);
}
