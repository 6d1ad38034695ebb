using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Review;

/// <summary>
/// What a commentary entry did: the upload it was recorded as (accepted, or waiting for review), or the problem with
/// it in Japanese and English (nothing stored).
/// </summary>
public sealed record CommentaryEntryOutcome(UploadRecord? Recorded, string? ProblemJa = null, string? ProblemEn = null);
