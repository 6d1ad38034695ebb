using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>The uploads container as the portal and the command line write to it.</summary>
public interface IUploadStore
{
    /// <summary>
    /// Stores a new upload at <paramref name="path"/> in container <c>uploads</c>, never over another blob (the path
    /// has a folder of its own), with the file's name and who uploaded it (where known) in the blob's metadata.
    /// </summary>
    /// <returns>
    /// The version stored, from which the upload's id and received time follow (<see cref="UploadId.Of"/>).
    /// </returns>
    Task<ReceivedVersion> StoreAsync(
        UploadPath path, Stream content, string? uploadedBy, CancellationToken cancellationToken);
}
