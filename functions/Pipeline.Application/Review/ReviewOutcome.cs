using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Review;

/// <summary>
/// What a decision on an upload did (<c>POST /api/plans/{planId}/review/{uploadId}</c>): the upload as decided, or why
/// nothing was done (no such upload in the plan; it no longer waits for review).
/// </summary>
public sealed record ReviewOutcome(UploadRecord? Decided, bool NotFound = false, UploadStatus? AlreadyStatus = null);
