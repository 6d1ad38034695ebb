using Pipeline.Portal.Access;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// The body of <c>POST /api/sign-in/development</c>: a plan and a department, or a plan and
/// <c>"role": "secretariat"</c> (RULES.md §14).
/// </summary>
public sealed record DevelopmentSignInRequest(string PlanId, string? DepartmentId = null, PortalRole? Role = null);
