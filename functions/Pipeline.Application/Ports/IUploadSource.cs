using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>The uploads as stored (container <c>uploads</c>): what ingestion reads of one, by its path.</summary>
public interface IUploadSource
{
    /// <summary>The uploads container's name in this deployment, as the host's poison messages name it.</summary>
    string ContainerName { get; }

    /// <summary>
    /// The upload stored at <paramref name="path"/>: the version read (its ETag, last-modified time and version id,
    /// never the name's creation time), its content (the caller disposes it), who uploaded it and the file's name
    /// as they gave it where known; null when there is none.
    /// </summary>
    Task<UploadedFile?> OpenAsync(UploadPath path, CancellationToken cancellationToken);
}
