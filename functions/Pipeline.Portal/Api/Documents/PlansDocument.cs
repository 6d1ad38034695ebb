namespace Pipeline.Portal.Api.Documents;

/// <summary><c>GET /api/plans</c>: the plans the deployment serves.</summary>
public sealed record PlansDocument(string SchemaVersion, IReadOnlyList<PlanView> Plans);
