using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>
/// The uploads that wait for the plan secretariat, and its decisions on them (RULES.md §14), in the uploads table
/// beside the uploads' records: an upload is held (<c>pending_review</c>, its rows staged and invisible), then
/// approved (accepted: its rows become part of what is published, the department's "latest accepted" marker moves so
/// the next aggregation recomputes the plan) or returned; each decision is written with its audit record in one
/// entity-group transaction, only over the record as it was read (a second decision on it is refused).
/// </summary>
public interface IReviewLedger
{
    /// <summary>
    /// Records an upload whose rows are staged as waiting for review; where the upload is recorded already (a
    /// redelivery), that record, unchanged.
    /// </summary>
    Task<UploadRecord> HoldAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>Every upload of the plan waiting for review, or returned, oldest first.</summary>
    Task<IReadOnlyList<UploadRecord>> WaitingAsync(PlanId planId, CancellationToken cancellationToken);

    /// <summary>An upload of the plan by its id alone (whichever department's), or null.</summary>
    Task<UploadRecord?> FindAsync(PlanId planId, UploadId uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Approves or returns a held upload as <paramref name="action"/> says (who, when, the comment); the record as
    /// decided, or null where it is no longer waiting for review (decided by someone else in between).
    /// </summary>
    Task<UploadRecord?> DecideAsync(UploadRecord held, ReviewDecision decision, ReviewAction action,
        CancellationToken cancellationToken);

    /// <summary>The decision taken on one upload, or null where none was taken.</summary>
    Task<UploadReview?> ReviewOfAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>The decisions taken on the plan's uploads (approved and returned ones), by upload id.</summary>
    Task<IReadOnlyDictionary<string, UploadReview>> ReviewsAsync(PlanId planId, CancellationToken cancellationToken);
}
