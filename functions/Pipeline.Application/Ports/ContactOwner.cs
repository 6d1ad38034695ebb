using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Ports;

/// <summary>
/// Whose contact addresses: a department of a plan, or the plan's secretariat (<see cref="DepartmentId"/> null).
/// </summary>
public sealed record ContactOwner(PlanId PlanId, DepartmentId? DepartmentId)
{
    /// <summary>The plan's secretariat, in copy of overdue reminders (RULES.md §12).</summary>
    public static ContactOwner Secretariat(PlanId planId) => new(planId, null);

    /// <summary>A department of the plan.</summary>
    public static ContactOwner Department(PlanId planId, DepartmentId departmentId) => new(planId, departmentId);
}
