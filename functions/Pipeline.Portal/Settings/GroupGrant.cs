namespace Pipeline.Portal.Settings;

/// <summary>
/// One line of the group mapping (section <c>Portal:Groups</c>): members of the Entra ID group with object id
/// <see cref="GroupId"/> act for department <see cref="DepartmentId"/> of plan <see cref="PlanId"/>, or, with
/// <see cref="Role"/> <c>secretariat</c>, are the plan's secretariat (no department). infra/ writes the same list
/// from its <c>departments</c> and <c>secretariats</c> parameters.
/// </summary>
public sealed class GroupGrant
{
    public string GroupId { get; set; } = "";

    public string PlanId { get; set; } = "";

    public string DepartmentId { get; set; } = "";

    /// <summary>What the group is: a department's staff (the default) or the plan's secretariat.</summary>
    public PortalRole Role { get; set; } = PortalRole.Department;
}
