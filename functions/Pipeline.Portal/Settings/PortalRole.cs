using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.Settings;

/// <summary>
/// What a line of the group mapping grants (<c>Portal__Groups__{i}__Role</c>, RULES.md §14): acting for one department
/// of a plan, or being the plan's secretariat (事務局), who sees every department of its plan, reviews their uploads and
/// confirms fiscal years, and never sees another plan's.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PortalRole>))]
public enum PortalRole
{
    /// <summary>Acts for <see cref="GroupGrant.DepartmentId"/> of <see cref="GroupGrant.PlanId"/>.</summary>
    Department,

    /// <summary>The secretariat of <see cref="GroupGrant.PlanId"/>.</summary>
    Secretariat,
}
