using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Access;

/// <summary>
/// The signed-in person: an id, a name to show, how they signed in, the departments they may act for, and the plans
/// whose secretariat they are (RULES.md §14).
/// </summary>
public sealed record PortalPrincipal(
    string Id, string Name, SignInSource Source, IReadOnlyList<DepartmentGrant> Departments,
    IReadOnlyList<PlanId>? SecretariatOf = null)
{
    /// <summary>The plans whose secretariat the person is.</summary>
    public IReadOnlyList<PlanId> Secretariats => SecretariatOf ?? [];

    /// <summary>Whether the person may act for the department of the plan.</summary>
    public bool MayActFor(PlanId planId, DepartmentId departmentId) =>
        Departments.Any(d => d.PlanId == planId && d.DepartmentId == departmentId);

    /// <summary>Whether the person is the secretariat of the plan.</summary>
    public bool IsSecretariatOf(PlanId planId) => Secretariats.Contains(planId);
}
