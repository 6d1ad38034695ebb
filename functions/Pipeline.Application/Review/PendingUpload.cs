using Pipeline.Domain.Commentary;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Review;

/// <summary>
/// An upload in the secretariat's queue (<c>GET /api/plans/{planId}/review</c>): which department sent which file
/// when, every value it would change (old → new) and the commentary it brings.
/// </summary>
public sealed record PendingUpload(
    UploadId UploadId,
    string DepartmentId,
    string FileName,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<ReviewChange> Changes,
    IReadOnlyList<IndicatorCommentary> Commentary,
    string? UploadedBy = null);
