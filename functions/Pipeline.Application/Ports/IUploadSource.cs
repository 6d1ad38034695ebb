namespace Pipeline.Application.Ports;

/// <summary>The uploads as stored (container <c>uploads</c>): what ingestion reads of one, by its blob name.</summary>
public interface IUploadSource
{
    /// <summary>The uploads container's name in this deployment, as the host's poison messages name it.</summary>
    string ContainerName { get; }

    /// <summary>
    /// The upload stored at <paramref name="blobName"/>: its content (the caller disposes it), when it was created
    /// and who uploaded it where known; null when there is none.
    /// </summary>
    Task<UploadedFile?> OpenAsync(string blobName, CancellationToken cancellationToken);
}
