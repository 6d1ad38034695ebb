using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Ports;

/// <summary>
/// What each plan's last computation was made from and what it published (docs/storage-and-publication.md).
/// </summary>
public interface IPublicationRecords
{
    /// <summary>The record of a plan, if it was ever computed.</summary>
    Task<PublicationRecord?> FindAsync(PlanId planId, CancellationToken cancellationToken);

    /// <summary>Every plan's record (one partition: the nightly decision and the index read it in one query).</summary>
    Task<IReadOnlyList<PublicationRecord>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Writes a plan's record after its computation (replacing the one before, failure notes
    /// included).</summary>
    Task SaveAsync(PublicationRecord record, CancellationToken cancellationToken);

    /// <summary>Notes on a plan's record that its aggregation message was given up (poison); the inputs stay as they
    /// were.</summary>
    Task RecordFailureAsync(PlanId planId, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
