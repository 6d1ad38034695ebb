namespace Pipeline.Domain.Catalogue;

/// <summary>
/// Tests name a department by its text, as a route or a file does: the department of that text where it is a
/// department id of the plan, else null (the product parses the text once at its edge and looks up by
/// <see cref="DepartmentId"/>).
/// </summary>
public static class PlanTextLookups
{
    /// <summary>The plan's department of <paramref name="text"/>; null for a text that is no department id.</summary>
    public static Department? FindDepartment(this Plan plan, string text) =>
        DepartmentId.TryParse(text, out var id) ? plan.FindDepartment(id) : null;
}
