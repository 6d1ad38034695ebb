using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// A plan/department pair a person may act for, with names to show, and the plan's areas (the whole city first, then
/// its wards) so that a report's area codes are shown with their names.
/// </summary>
public sealed record DepartmentView(
    string PlanId, LocalizedText PlanName, string DepartmentId, LocalizedText DepartmentName,
        IReadOnlyList<AreaName> Areas);
