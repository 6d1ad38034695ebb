using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Pipeline.Application.Ingestion;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// A blob that failed five deliveries lands as a message on <c>webjobs-blobtrigger-poison</c>
/// (<c>{"ContainerName":"uploads","BlobName":"shakyo/x.xlsx",…}</c>). This records it as
/// <c>failed</c> with a report, so the department hears of it and an operator can replay it.
/// </summary>
public sealed class PoisonUploadService(StorageAccount storage, UploadRouter ingestion)
{
    public async Task<IngestionResult?> RecordAsync(string message, CancellationToken cancellationToken)
    {
        var poison = JsonSerializer.Deserialize(message, PoisonJsonContext.Default.PoisonMessage)
            ?? throw new JsonException("The poison message is empty.");
        if (poison.BlobName is null || poison.ContainerName != storage.ContainerName(StorageNames.UploadsContainer))
        {
            return null;
        }

        var container = await storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        DateTimeOffset createdOn;
        string sha256;
        try
        {
            // The content gives the upload's id (name, content, creation time), so that a poison message
            // after the commit finds the accepted upload instead of adding a failed one beside it.
            using var download = (await container.GetBlobClient(poison.BlobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            createdOn = download.Details.CreatedOn;
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content, cancellationToken));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The blob was deleted since; its failure is still recorded, at the time we learnt of it.
            createdOn = DateTimeOffset.MinValue;
            sha256 = "";
        }

        return await ingestion.RecordFailureAsync(poison.BlobName, createdOn, sha256,
            $"processing failed {poison.DequeueCount ?? 5} times; see Application Insights for {poison.FunctionId}", cancellationToken);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(PoisonMessage))]
internal sealed partial class PoisonJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
