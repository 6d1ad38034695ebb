using Pipeline.Domain.Uploads;

namespace Pipeline.Portal.Api.Documents;

/// <summary>One upload in a department's history.</summary>
public sealed record UploadHistoryItem(
    string UploadId, string Name, UploadStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset ProcessedOn, string? UploadedBy,
    int Observations, int Evaluations, int Errors, int Warnings, string Report, string? ReviewComment = null,
    DateTimeOffset? ReviewedAt = null);
