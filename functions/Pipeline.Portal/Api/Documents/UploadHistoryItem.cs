using Pipeline.Domain.Uploads;

namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// One upload in a department's history, with the link to its own report; <see cref="DuplicateOf"/> names the upload
/// a duplicate repeats, and the secretariat's comment and decision time where it decided (RULES.md §14).
/// </summary>
public sealed record UploadHistoryItem(
    UploadId UploadId, string Name, UploadStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset ProcessedOn,
    string? UploadedBy, int Observations, int Evaluations, int Errors, int Warnings, UploadId? DuplicateOf,
    string Report, string? ReviewComment = null, DateTimeOffset? ReviewedAt = null);
