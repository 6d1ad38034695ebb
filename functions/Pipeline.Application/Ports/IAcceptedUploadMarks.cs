using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Ports;

/// <summary>
/// The ledger's answer to "was an upload of this plan accepted since?" without reading the uploads
/// themselves: each commit also writes its department's marker in the same transaction
/// (docs/storage-and-publication.md).
/// </summary>
public interface IAcceptedUploadMarks
{
    /// <summary>The markers of every department of the plan, as one stamp that changes with every commit.</summary>
    Task<LedgerMark> LatestAcceptedAsync(PlanId planId, CancellationToken cancellationToken);
}
