using Pipeline.Application.Ports;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// Runs a stored upload through the ingestion of its plan: what the blob trigger, <c>pipeline ingest</c>,
/// <c>pipeline replay</c> and <c>pipeline serve</c> all do.
/// </summary>
public sealed class UploadIngestion(IUploadSource uploads, UploadRouter router)
{
    /// <summary>Ingests the upload stored at <paramref name="blobName"/>; throws when none is stored there.</summary>
    public async Task<IngestionResult> IngestAsync(string blobName, CancellationToken cancellationToken)
    {
        var file = await uploads.OpenAsync(router.PathOf(blobName), cancellationToken)
            ?? throw new FileNotFoundException($"No upload is stored at {uploads.ContainerName}/{blobName}.", blobName);
        await using (file.Content)
        {
            return await router.IngestAsync(file, cancellationToken);
        }
    }
}
