using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Review;

/// <summary>
/// The secretariat's decision on an upload as the ledger keeps it beside the upload's record (RULES.md §14): approved
/// or returned, when, by whom (object id and name: shown in the portal, never published) and the comment.
/// </summary>
public sealed record UploadReview(
    string PlanId,
    string DepartmentId,
    string UploadId,
    UploadStatus Status,
    DateTimeOffset? DecidedAt,
    string? DecidedById,
    string? DecidedByName,
    string? Comment);
