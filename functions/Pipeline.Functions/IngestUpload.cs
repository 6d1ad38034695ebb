using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Application.Ingestion;

namespace Pipeline.Functions;

/// <summary>
/// A department's upload, as Event Grid announces it (the only blob source Flex Consumption supports):
/// <c>uploads/{planId}/{departmentId}/{name}</c> or <c>uploads/{departmentId}/{name}</c> (RULES.md §2);
/// the ingestion reads the plan and department from the blob's name.
/// </summary>
public sealed class IngestUpload(UploadIngestion ingestion)
{
    [Function(nameof(IngestUpload))]
    public Task Run(
        [BlobTrigger("uploads/{name}", Source = BlobTriggerSource.EventGrid, Connection =
            "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        ingestion.IngestAsync(blob.Name, cancellationToken);
}
