namespace Pipeline.Portal.Access;

/// <summary>The signed-in person: an id, a name to show, how they signed in, and the departments they may act for.</summary>
public sealed record PortalPrincipal(string Id, string Name, SignInSource Source, IReadOnlyList<DepartmentGrant> Departments)
{
    /// <summary>Whether the person may act for the department of the plan.</summary>
    public bool MayActFor(string planId, string departmentId) =>
        Departments.Any(d => string.Equals(d.PlanId, planId, StringComparison.Ordinal) && string.Equals(d.DepartmentId, departmentId, StringComparison.Ordinal));
}
