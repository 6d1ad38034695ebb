using Pipeline.Publishing.Document;

namespace Pipeline.Application.Ports;

/// <summary>
/// A plan's last computation: the inputs it was made from, the content hash of the feed it gave, the
/// latest accepted upload it saw, and its entry in the index of plans (so the index is built without
/// reading any feed or observation). A poison message leaves a failure note beside it.
/// </summary>
public sealed record PublicationRecord(
    string PlanId,
    PlanInputs Inputs,
    string ContentHash,
    DateTimeOffset ComputedAt,
    string? LatestUploadId,
    DateTimeOffset? LatestAcceptedAt,
    PlanIndexEntry IndexEntry,
    string? LastFailure = null,
    DateTimeOffset? FailedAt = null);
