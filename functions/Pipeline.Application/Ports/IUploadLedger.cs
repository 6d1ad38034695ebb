using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>The uploads table: every upload and its status, per department of a plan.</summary>
public interface IUploadLedger
{
    /// <summary>The record of an upload processed before, if any (a redelivery).</summary>
    Task<UploadRecord?> FindAsync(
        PlanId planId, DepartmentId departmentId, UploadId uploadId, CancellationToken cancellationToken);

    /// <summary>Records a rejected or failed upload; never overwrites a committed one.</summary>
    Task RecordAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Commits an upload whose rows are staged: the moment they become part of the history. It is committed as
    /// accepted, or as a duplicate of the upload it repeats (<see cref="Supersession.Repeated"/> among the
    /// department's committed uploads), decided and written in one transaction that fails if another commit of
    /// the department came in between (then it decides again), so two commits never decide on the same picture.
    /// </summary>
    /// <returns>
    /// The record as committed; where the upload was committed already (a redelivery after the commit landed), that
    /// record.
    /// </returns>
    Task<UploadRecord> CommitAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>Every committed upload of a plan (accepted, and duplicates committed with their rows).</summary>
    IAsyncEnumerable<UploadRecord> CommittedAsync(PlanId planId, CancellationToken cancellationToken);
}
