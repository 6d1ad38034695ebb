using Microsoft.Azure.Functions.Worker;
using Pipeline.Application.Ingestion;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Functions;

/// <summary>Records an upload that failed every delivery, so that its report says <c>failed</c>.</summary>
public sealed class RecordPoisonUpload(PoisonUploads poison)
{
    [Function(nameof(RecordPoisonUpload))]
    public Task Run([QueueTrigger(StorageNames.PoisonQueue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        poison.RecordAsync(message, cancellationToken);
}
