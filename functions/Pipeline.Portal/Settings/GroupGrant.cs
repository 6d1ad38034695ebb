namespace Pipeline.Portal.Settings;

/// <summary>
/// One line of the group mapping (section <c>Portal:Groups</c>): members of the Entra ID group with object id
/// <see cref="GroupId"/> act for department <see cref="DepartmentId"/> of plan <see cref="PlanId"/>.
/// infra/ writes the same list from its <c>departments</c> parameter.
/// </summary>
public sealed class GroupGrant
{
    public string GroupId { get; set; } = "";

    public string PlanId { get; set; } = "";

    public string DepartmentId { get; set; } = "";
}
