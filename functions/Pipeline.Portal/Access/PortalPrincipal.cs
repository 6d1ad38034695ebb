namespace Pipeline.Portal.Access;

/// <summary>
/// The signed-in person: an id, a name to show, how they signed in, the departments they may act for, and the plans
/// whose secretariat they are (RULES.md §14).
/// </summary>
public sealed record PortalPrincipal(
    string Id, string Name, SignInSource Source, IReadOnlyList<DepartmentGrant> Departments,
    IReadOnlyList<string>? SecretariatOf = null)
{
    /// <summary>The plans whose secretariat the person is.</summary>
    public IReadOnlyList<string> Secretariats => SecretariatOf ?? [];

    /// <summary>Whether the person may act for the department of the plan.</summary>
    public bool MayActFor(string planId, string departmentId) =>
        Departments.Any(d => string.Equals(d.PlanId, planId, StringComparison.Ordinal)
            && string.Equals(d.DepartmentId, departmentId, StringComparison.Ordinal));

    /// <summary>Whether the person is the secretariat of the plan.</summary>
    public bool IsSecretariatOf(string planId) => Secretariats.Contains(planId, StringComparer.Ordinal);
}
