namespace Pipeline.Portal.Api.Documents;

/// <summary>The body of <c>POST /api/sign-in/development</c>.</summary>
public sealed record DevelopmentSignInRequest(string PlanId, string DepartmentId);
