using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Access;

/// <summary>A department of a plan that a person may act for.</summary>
public sealed record DepartmentGrant(PlanId PlanId, DepartmentId DepartmentId);
