using Pipeline.Application.Reports;

namespace Pipeline.Application.Ports;

/// <summary>The uploads container as the portal uses it: storing a department's file and reading its report back.</summary>
public interface IUploadStore
{
    /// <summary>Stores the file at <paramref name="blobName"/> in container <c>uploads</c>, recording who uploaded it in the blob's metadata.</summary>
    Task StoreAsync(string blobName, Stream content, string uploadedBy, CancellationToken cancellationToken);

    /// <summary>The report written for the upload at <paramref name="blobName"/>, if ingestion has written one.</summary>
    Task<UploadReport?> ReportAsync(string blobName, CancellationToken cancellationToken);
}
