using Pipeline.Cli.Serve;
using Pipeline.Hosting;
using Pipeline.Testing;

namespace Pipeline.Portal.Tests;

/// <summary>
/// <c>pipeline serve</c>'s server (<see cref="LocalServer"/>) on a free port, on the test run's Azurite with a
/// storage prefix of its own, in the environment and with the settings a test asks for.
/// </summary>
internal static class PortalServer
{
    public const string Plan = "kumamoto-welfare-4";
    public const string DepartmentA = "shakyo";
    public const string DepartmentB = "kenko-fukushi-seisaku";
    public const string GroupA = "6a1f0b1e-0000-4000-8000-00000000000a";
    public const string GroupB = "6a1f0b1e-0000-4000-8000-00000000000b";
    public const string GroupOtherPlan = "6a1f0b1e-0000-4000-8000-00000000000c";

    public static Task<LocalServer> StartAsync(string environment, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [PipelineHostExtensions.StorageSetting] = Azurite.Instance.ConnectionString,
            ["Pipeline:StoragePrefix"] = Azurite.NewPrefix(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return LocalServer.StartAsync(0, values, environment, CancellationToken.None);
    }

    /// <summary>The group mapping a city would configure: A and B of this plan, and a department of a plan not served here.</summary>
    public static Dictionary<string, string?> GroupMapping(bool trustPlatformHeader) => new()
    {
        ["Portal:TrustPlatformHeader"] = trustPlatformHeader ? "true" : "false",
        ["Portal:Groups:0:GroupId"] = GroupA,
        ["Portal:Groups:0:PlanId"] = Plan,
        ["Portal:Groups:0:DepartmentId"] = DepartmentA,
        ["Portal:Groups:1:GroupId"] = GroupB,
        ["Portal:Groups:1:PlanId"] = Plan,
        ["Portal:Groups:1:DepartmentId"] = DepartmentB,
        ["Portal:Groups:2:GroupId"] = GroupOtherPlan,
        ["Portal:Groups:2:PlanId"] = "another-plan",
        ["Portal:Groups:2:DepartmentId"] = DepartmentA,
    };

    /// <summary>An <c>X-MS-CLIENT-PRINCIPAL</c> value as App Service Authentication writes it.</summary>
    public static string PlatformHeader(string objectId, string name, params string[] groups)
    {
        var claims = new List<object>
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId },
            new { typ = "name", val = name },
        };
        claims.AddRange(groups.Select(g => new { typ = "groups", val = g }));
        var json = System.Text.Json.JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A sample submission of department <paramref name="department"/> (its first file under samples/submissions).</summary>
    public static (string Name, byte[] Content) Sample(string department)
    {
        var file = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "samples", "submissions", department)).Order(StringComparer.Ordinal).First();
        return (Path.GetFileName(file), File.ReadAllBytes(file));
    }
}
