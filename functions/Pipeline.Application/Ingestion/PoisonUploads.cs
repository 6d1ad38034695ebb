using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Application.Ports;
using Pipeline.Domain.Uploads;

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

        // The content gives the upload's id (path, version, content), so that a poison message after the commit
        // finds the committed upload instead of adding a failed one beside it. The version that failed is the one
        // the message names; its time is unknown unless it is still the blob's. A blob deleted or overwritten since
        // is still recorded failed, under the version the message names.
        var path = router.PathOf(poison.BlobName);
        var version = new ReceivedVersion(poison.ETag ?? "", DateTimeOffset.MinValue);
        Sha256? sha256 = null;
        if (await uploads.OpenAsync(path, cancellationToken) is { } file)
        {
            await using (file.Content)
            {
                if (poison.ETag is null || poison.ETag.Trim('"') == file.Version.ETag.Trim('"'))
                {
                    (version, sha256) = (file.Version, await Sha256.OfAsync(file.Content, cancellationToken));
                }
            }
        }

        return await router.RecordFailureAsync(path, version, sha256,
            $"processing failed {poison.DequeueCount ?? 5} times; see Application Insights for {poison.FunctionId}",
            cancellationToken);
    }
}

[JsonSerializable(typeof(PoisonMessage))]
internal sealed partial class PoisonJsonContext : JsonSerializerContext;
