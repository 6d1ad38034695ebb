using Pipeline.Testing;

namespace Pipeline.Bicep.Tests;

/// <summary>
/// The CKAN app settings main.bicep gives the function app (docs/settings.md), evaluated by <c>bicep snapshot</c>:
/// <c>ckanDatasets</c> (plan id → dataset) becomes one <c>Ckan__Datasets__{planId}</c> each, beside <c>Ckan__DatasetId</c>.
/// </summary>
public sealed class CkanSettingsTests : IDisposable
{
    // Where bicep snapshot reads its parameters file and writes the snapshot.
    private readonly TempFolder _scratch = new("bicep-snapshot-");

    public void Dispose() => _scratch.Dispose();

    private static Dictionary<string, string> Parameters(params (string Name, string Value)[] more)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["environmentName"] = "'welfare-test'",
            ["keyVaultName"] = "'kv-welfare-test'",
        };
        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return parameters;
    }

    private static List<(string Name, string Value)> Ckan(IReadOnlyList<(string Name, string Value)> settings) =>
        settings.Where(s => s.Name.StartsWith("Ckan__", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Each_plan_of_ckanDatasets_gets_its_own_setting_and_ckanDatasetId_stays_the_default_plans()
    {
        var settings = Ckan(Bicep.AppSettings(_scratch, Parameters(
            ("ckanBaseUrl", "'https://data.example.jp'"),
            ("ckanDatasetId", "'welfare-4-progress'"),
            ("ckanDatasets", "{ 'kumamoto-welfare-5': 'welfare-5-progress', 'tamana-health-3': 'tamana-health-progress' }"))));
        Assert.Contains(("Ckan__BaseUrl", "https://data.example.jp"), settings);
        Assert.Contains(("Ckan__DatasetId", "welfare-4-progress"), settings);
        Assert.Equal(
            [("Ckan__Datasets__kumamoto-welfare-5", "welfare-5-progress"), ("Ckan__Datasets__tamana-health-3", "tamana-health-progress")],
            settings.Where(s => s.Name.StartsWith("Ckan__Datasets__", StringComparison.Ordinal)).OrderBy(s => s.Name, StringComparer.Ordinal));
        // The token stays a Key Vault reference (its vault DNS suffix is left for Azure to fill in).
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", Assert.Single(settings, s => s.Name == "Ckan__ApiToken").Value, StringComparison.Ordinal);
        Assert.Equal(settings.Count, settings.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Without_ckanDatasets_only_the_default_plans_dataset_is_set()
    {
        var settings = Ckan(Bicep.AppSettings(_scratch, Parameters(("ckanBaseUrl", "'https://data.example.jp'"), ("ckanDatasetId", "'welfare-4-progress'"))));
        Assert.Equal(["Ckan__BaseUrl", "Ckan__DatasetId", "Ckan__ApiToken"], settings.Select(s => s.Name));
    }

    [Fact]
    public void Without_a_portal_there_is_no_CKAN_setting_even_with_datasets()
    {
        var settings = Bicep.AppSettings(_scratch, Parameters(("ckanDatasets", "{ 'kumamoto-welfare-5': 'welfare-5-progress' }")));
        Assert.Contains(settings, s => s.Name == "Pipeline__DefaultPlanId");
        Assert.Empty(Ckan(settings));
    }
}
