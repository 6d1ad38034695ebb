using Pipeline.Domain.Observations;

namespace Pipeline.Publishing.Document;

/// <summary>
/// One published value that a later upload replaced with a different value (RULES.md §8): the area and
/// month it concerns, both values, both uploads and when each was received (UTC), both flags, and whether the change
/// was published after the fiscal year had been confirmed (RULES.md §14).
/// </summary>
public sealed record FeedRevision(
    string AreaCode,
    int? Month,
    decimal PreviousValue,
    decimal Value,
    string PreviousUploadId,
    string UploadId,
    DateTimeOffset PreviousReceivedAt,
    DateTimeOffset ReceivedAt,
    string DepartmentId,
    ValueFlag? PreviousFlag = null,
    ValueFlag? Flag = null,
    bool AfterConfirmation = false);
