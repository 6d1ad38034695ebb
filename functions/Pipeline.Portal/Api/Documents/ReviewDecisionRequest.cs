using Pipeline.Domain.Review;

namespace Pipeline.Portal.Api.Documents;

/// <summary>The body of <c>POST /api/plans/{planId}/review/{uploadId}</c>: approve or return, with a comment.</summary>
public sealed record ReviewDecisionRequest(ReviewDecision? Decision, string? Comment);
