using Microsoft.Extensions.Logging;
using Pipeline.Infrastructure.Ckan;
using Pipeline.Testing;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Which dataset each plan is pushed to (docs/settings.md), from the settings and the plan set: the built-in
/// kumamoto-welfare-4 (the default) and the samples kumamoto-welfare-5 and tamana-health-3.
/// </summary>
public sealed class CkanDatasetsTests : IDisposable
{
    private const string Fourth = "kumamoto-welfare-4";
    private const string Fifth = "kumamoto-welfare-5";
    private const string Tamana = "tamana-health-3";
    private static readonly PlanSet Plans = PlanSet.Load(Path.Combine(RepositoryRoot.Find(), "samples", "plans"), null);
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private CkanDatasets From(string datasetId, params (string Plan, string Dataset)[] datasets)
    {
        var options = new CkanOptions { BaseUrl = new Uri("https://data.example.jp"), DatasetId = datasetId };
        foreach (var (plan, dataset) in datasets)
        {
            options.Datasets[plan] = dataset;
        }

        return CkanDatasets.From(options, Plans, _logs.CreateLogger("ckan"));
    }

    [Fact]
    public void The_single_dataset_setting_is_the_default_plans_and_Datasets_adds_the_others()
    {
        Assert.Equal(Fourth, Plans.DefaultPlanId);
        var datasets = From("welfare-4", (Fifth, "welfare-5"));
        Assert.Equal("welfare-4", datasets.For(Fourth));
        Assert.Equal("welfare-5", datasets.For(Fifth));
        Assert.Null(datasets.For(Tamana));
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void A_plan_whose_dataset_is_empty_has_none_and_the_default_plan_may_be_named_either_way_if_both_agree()
    {
        var datasets = From("welfare-4", (Fourth, "welfare-4"), (Fifth, " "));
        Assert.Equal("welfare-4", datasets.For(Fourth));
        Assert.Null(datasets.For(Fifth));
        Assert.Equal([Fourth], datasets.ByPlan.Keys);
    }

    [Fact]
    public void Two_datasets_for_the_default_plan_leave_it_unpushed_with_an_error_naming_both()
    {
        var datasets = From("welfare-4", (Fourth, "welfare-4-new"), (Fifth, "welfare-5"));
        Assert.Null(datasets.For(Fourth));
        Assert.Equal("welfare-5", datasets.For(Fifth)); // the others are unaffected
        var error = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("'welfare-4'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'welfare-4-new'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Ckan__Datasets__{Fourth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_plans_on_one_dataset_leave_both_unpushed_with_an_error_naming_both_plans()
    {
        // CKAN names are case-insensitive: Welfare and welfare are one dataset.
        var datasets = From("welfare", (Fifth, "Welfare"), (Tamana, "tamana"));
        Assert.Equal([Tamana], datasets.ByPlan.Keys);
        var error = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains($"{Fourth}, {Fifth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_for_a_plan_the_set_does_not_have_is_a_warning_naming_the_plans_served()
    {
        var datasets = From("welfare-4", ("kumamoto-welfare-6", "welfare-6"));
        Assert.Equal("welfare-6", datasets.For("kumamoto-welfare-6"));
        var warning = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Ckan__Datasets__kumamoto-welfare-6", warning.Message, StringComparison.Ordinal);
        Assert.Contains(Tamana, warning.Message, StringComparison.Ordinal);
    }
}
