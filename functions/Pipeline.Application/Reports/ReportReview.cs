using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Reports;

/// <summary>
/// The secretariat's decision in an upload's report (RULES.md §14): approved (<c>accepted</c>) or <c>returned</c>,
/// when, by whom (the name, for the department that reads its own report) and the comment.
/// </summary>
public sealed record ReportReview(UploadStatus Decision, DateTimeOffset DecidedAt, string? DecidedBy, string? Comment)
{
    /// <summary>The report's part of a decision kept by the ledger.</summary>
    public static ReportReview From(UploadReview review) =>
        new(review.Status, review.DecidedAt ?? default, review.DecidedByName, review.Comment);
}
