namespace Pipeline.Application.Review;

/// <summary><c>GET /api/plans/{planId}/review</c>: the uploads waiting for the secretariat, oldest first.</summary>
public sealed record ReviewQueueDocument(string PlanId, IReadOnlyList<PendingUpload> Pending);
