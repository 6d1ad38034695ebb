using Pipeline.Testing;

namespace Pipeline.Bicep.Tests;

/// <summary>
/// RULES.md §14 in infra/: the <c>secretariats</c> parameter (<c>[{ planId, principalId }]</c>) becomes portal group
/// settings with <c>Role</c> <c>secretariat</c> after the departments' (each <c>Role</c> <c>department</c>), evaluated by
/// <c>bicep snapshot</c>.
/// </summary>
public sealed class SecretariatSettingsTests : IDisposable
{
    private const string DepartmentGroup = "11111111-0000-4000-8000-000000000001";
    private const string SecretariatGroup = "22222222-0000-4000-8000-000000000002";

    private readonly TempFolder _scratch = new("bicep-snapshot-");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void A_secretariat_becomes_a_group_of_its_plan_with_the_secretariat_role_after_the_departments()
    {
        var settings = Bicep.AppSettings(_scratch, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["environmentName"] = "'welfare-test'",
            ["departments"] = $"[{{ id: 'shakyo', principalId: '{DepartmentGroup}' }}]",
            ["secretariats"] = $"[{{ planId: 'kumamoto-welfare-5', principalId: '{SecretariatGroup}' }}]",
        }).Where(s => s.Name.StartsWith("Portal__Groups__", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                ("Portal__Groups__0__GroupId", DepartmentGroup), ("Portal__Groups__0__PlanId", "kumamoto-welfare-4"),
                ("Portal__Groups__0__DepartmentId", "shakyo"), ("Portal__Groups__0__Role", "department"),
                ("Portal__Groups__1__GroupId", SecretariatGroup), ("Portal__Groups__1__PlanId", "kumamoto-welfare-5"),
                ("Portal__Groups__1__DepartmentId", ""), ("Portal__Groups__1__Role", "secretariat"),
            ],
            settings);
    }

    [Fact]
    public void Without_secretariats_no_group_has_that_role()
    {
        var settings = Bicep.AppSettings(_scratch, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["environmentName"] = "'welfare-test'",
        });
        Assert.DoesNotContain(settings, s => s.Name.StartsWith("Portal__Groups__", StringComparison.Ordinal));
    }
}
