using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Application.Ports;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// A blob that failed five deliveries lands as a message on <c>webjobs-blobtrigger-poison</c>
/// (<c>{"ContainerName":"uploads","BlobName":"shakyo/x.xlsx",…}</c>). This records it as
/// <c>failed</c> with a report, so the department hears of it and an operator can replay it.
/// </summary>
public sealed class PoisonUploads(IUploadSource uploads, UploadRouter router)
{
    /// <summary>
    /// Records the upload a poison message names as failed; null for a message about another container, or where
    /// the upload was accepted or found a duplicate already and stands.
    /// </summary>
    public async Task<IngestionResult?> RecordAsync(string message, CancellationToken cancellationToken)
    {
        var poison = JsonSerializer.Deserialize(message, PoisonJsonContext.Default.PoisonMessage)
            ?? throw new JsonException("The poison message is empty.");
        if (poison.BlobName is null || poison.ContainerName != uploads.ContainerName)
        {
            return null;
        }

        // The content gives the upload's id (name, content, creation time), so that a poison message after the
        // commit finds the accepted upload instead of adding a failed one beside it. A blob deleted since is still
        // recorded failed, at the time we learnt of it.
        var (createdOn, sha256) = (DateTimeOffset.MinValue, "");
        if (await uploads.OpenAsync(poison.BlobName, cancellationToken) is { } file)
        {
            await using (file.Content)
            {
                (createdOn, sha256) = (file.CreatedOn,
                    Convert.ToHexStringLower(await SHA256.HashDataAsync(file.Content, cancellationToken)));
            }
        }

        return await router.RecordFailureAsync(poison.BlobName, createdOn, sha256,
            $"processing failed {poison.DequeueCount ?? 5} times; see Application Insights for {poison.FunctionId}",
            cancellationToken);
    }
}

[JsonSerializable(typeof(PoisonMessage))]
internal sealed partial class PoisonJsonContext : JsonSerializerContext;
