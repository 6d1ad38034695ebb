using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Ingestion;

namespace Pipeline.Functions;

/// <summary>A department's upload, as Event Grid announces it (the only blob source Flex Consumption supports).</summary>
public sealed class IngestUpload(IngestionService ingestion)
{
    [Function(nameof(IngestUpload))]
    public async Task Run(
        [BlobTrigger("uploads/{department}/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        await ingestion.IngestAsync(new UploadedFile(blob.Name, download.Details.CreatedOn, download.Content), cancellationToken);
    }
}
