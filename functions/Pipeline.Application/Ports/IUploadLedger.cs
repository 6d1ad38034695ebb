using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>The uploads table: every upload, its status and the content hashes already accepted.</summary>
public interface IUploadLedger
{
    /// <summary>The record of an upload processed before, if any (redelivery).</summary>
    Task<UploadRecord?> FindAsync(string planId, string departmentId, string uploadId, CancellationToken cancellationToken);

    /// <summary>The accepted upload that had this content, if any.</summary>
    Task<UploadRecord?> FindAcceptedContentAsync(string planId, string departmentId, string sha256, CancellationToken cancellationToken);

    /// <summary>Records a rejected, duplicate or failed upload.</summary>
    Task RecordAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an upload accepted and claims its content hash, in one transaction: the moment its
    /// staged rows become visible. False where the content was claimed by another upload first.
    /// </summary>
    Task<bool> CommitAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>Every accepted upload of a plan.</summary>
    IAsyncEnumerable<UploadRecord> AcceptedAsync(string planId, CancellationToken cancellationToken);
}
