using Microsoft.Extensions.Time.Testing;
using System.Text;
using Pipeline.Testing;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Tests;

/// <summary>RULES.md §7: the plan set, organisations as data, plan status, and the loader's new checks.</summary>
public sealed class PlanSetTests : IDisposable
{
    private readonly TempFolder _plans = new("plans-");

    public void Dispose() => _plans.Dispose();

    /// <summary>Writes the files into this test's plans folder and returns its path.</summary>
    private string PlansFolder(params (string Name, string Json)[] files)
    {
        foreach (var (name, json) in files)
        {
            File.WriteAllText(_plans.File(name), json);
        }

        return _plans.Path;
    }

    private static string TestPlan(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", file));

    private static IReadOnlyList<PlanDefinitionProblem> ProblemsOf(string json)
    {
        var e = Assert.Throws<PlanDefinitionException>(() => PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "x.json"));
        return e.Problems;
    }

    [Fact]
    public void The_built_in_plans_and_a_folder_make_one_set_and_a_broken_file_is_listed_with_every_problem_and_not_served()
    {
        var folder = PlansFolder(
            ("a-decreasing.json", TestPlan("decreasing-test-plan.json")),
            ("b-broken.json", TestPlan("broken-plan.json")),
            ("c-two.json", TestPlan("two-indicator-test-plan.json")),
            ("d-again.json", TestPlan("two-indicator-test-plan.json")));

        var set = PlanSet.Load(folder, defaultPlanId: null);

        Assert.Equal(["kumamoto-welfare-4", "test-town-health-1", "b-broken", "yamaga-test-1", "yamaga-test-1"],
            set.Entries.Select(e => e.Id));
        Assert.Equal(["kumamoto-welfare-4", "test-town-health-1", "yamaga-test-1"], set.Plans.Select(p => p.Id.Value));
        var broken = set.Entries[2];
        Assert.False(broken.IsValid);
        Assert.Null(set.Find("b-broken"));
        Assert.EndsWith("b-broken.json", broken.Source, StringComparison.Ordinal);
        Assert.Contains(broken.Problems, p => p.Path == "$.departments[0].organisation" && p.Message.Contains("prefecture", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.Path == "$.indicators[0].unit");
        Assert.Contains(broken.Problems, p => p.Path == "$.name.ja");
        Assert.True(broken.Problems.Count >= 8, string.Join("\n", broken.Problems));
        var duplicate = set.Entries[4];
        Assert.False(duplicate.IsValid);
        Assert.Contains("already served", Assert.Single(duplicate.Problems).Message, StringComparison.Ordinal);
        Assert.True(set.HasInvalidPlans);
        // The default is the built-in plan marked "default": true in its file.
        Assert.Equal("kumamoto-welfare-4", set.DefaultPlanId);
        Assert.Same(set.Find("kumamoto-welfare-4"), set.Default);
    }

    [Fact]
    public void One_plan_loaded_alone_is_the_entry_the_whole_set_serves_for_its_id()
    {
        // Issue 27: validate builds only the plan it needs. The first file declaring an id wins, a later one is
        // refused, a broken or unreadable file goes by its declared id or its file name, as in the whole set.
        var folder = PlansFolder(
            ("a-decreasing.json", TestPlan("decreasing-test-plan.json")),
            ("b-broken.json", TestPlan("broken-plan.json")),
            ("c-two.json", TestPlan("two-indicator-test-plan.json")),
            ("d-again.json", TestPlan("decreasing-test-plan.json").Replace("健康", "再掲", StringComparison.Ordinal)),
            ("e-garbage.json", "{ \"id\": \"x\", "),
            ("f-named.json", TestPlan("two-indicator-test-plan.json")
                .Replace("\"id\": \"yamaga-test-1\"", "\"id\": \"Not Safe\"", StringComparison.Ordinal)));
        Directory.CreateDirectory(Path.Combine(folder, "g-folder.json"));
        var set = PlanSet.Load(folder, defaultPlanId: null);
        Assert.Equal(
            ["kumamoto-welfare-4", "test-town-health-1", "b-broken", "yamaga-test-1", "test-town-health-1",
                "e-garbage", "f-named"],
            set.Entries.Select(e => e.Id));

        foreach (var id in set.Entries.Select(e => e.Id).Distinct())
        {
            var whole = set.Entry(id)!;
            var alone = PlanSet.LoadEntry(folder, id);
            Assert.NotNull(alone);
            Assert.Equal(whole.Source, alone.Source);
            Assert.Equal(whole.Plan?.Id, alone.Plan?.Id);
            Assert.Equal(whole.Plan?.Name.Ja, alone.Plan?.Name.Ja);
            Assert.Equal(whole.Problems, alone.Problems);
            Assert.Equal(whole.DefinitionHash, alone.DefinitionHash);
        }

        Assert.Null(PlanSet.LoadEntry(folder, "x"));
        Assert.Null(PlanSet.LoadEntry(folder, "nowhere"));
        var missing = Path.Combine(folder, "missing.json");
        Assert.Equal(PlanSet.Load(missing, null).Entry("missing")!.Problems, PlanSet.LoadEntry(missing, "missing")!.Problems);
    }

    [Fact]
    public void The_default_plan_comes_from_configuration_when_set_and_is_absent_when_its_file_is_invalid()
    {
        var folder = PlansFolder(("p.json", TestPlan("decreasing-test-plan.json")), ("q.json", TestPlan("broken-plan.json")));
        Assert.Equal("test-town-health-1", PlanSet.Load(folder, "test-town-health-1").Default!.Id.Value);
        var broken = PlanSet.Load(folder, "q");
        Assert.Null(broken.Default);
        Assert.Equal(2, broken.Plans.Count); // the others are served all the same
    }

    [Fact]
    public void A_file_that_is_not_json_is_an_entry_with_a_located_problem()
    {
        var set = PlanSet.Load(PlansFolder(("garbage.json", "{ \"id\": \"x\", ")), null);
        var entry = set.Entries.Single(e => e.Id == "garbage");
        Assert.Contains("not valid JSON", Assert.Single(entry.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisations_are_data_and_files_without_the_list_keep_city_and_shakyo()
    {
        var kumamoto = BuiltInPlans.Default;
        Assert.Equal(["city", "shakyo"], kumamoto.Organisations.Select(o => o.Id));
        Assert.Equal("熊本市社会福祉協議会", kumamoto.Organisations[1].Name.Ja); // the first partner
        var town = DirectionTests.Plan;
        Assert.Equal(["town", "npo-sasaeai"], town.Organisations.Select(o => o.Id));
        var npo = town.FindDepartment("sasaeai")!;
        Assert.True(Plan.MayEvaluate(npo, town.FindInitiative("I-1-1-b")!));
        Assert.False(Plan.MayEvaluate(npo, town.FindInitiative("I-1-1-a")!));
        Assert.Empty(town.Wards);
    }

    [Fact]
    public void The_loader_refuses_unknown_organisations_and_a_direction_the_figures_contradict()
    {
        var json = TestPlan("decreasing-test-plan.json")
            .Replace("\"organisation\": \"npo-sasaeai\"", "\"organisation\": \"ishikai\"", StringComparison.Ordinal)
            .Replace("\"owners\": [\"town\"]", "\"owners\": [\"city\"]", StringComparison.Ordinal)
            .Replace("\"direction\": \"decrease\", \"baseline\": { \"fiscalYear\": 2022, \"value\": 50 }", "\"direction\": \"increase\", \"baseline\": { \"fiscalYear\": 2022, \"value\": 50 }", StringComparison.Ordinal)
            .Replace("\"kind\": \"flow\",\n      \"baseline\"", "\"kind\": \"flow\", \"direction\": \"decrease\",\n      \"baseline\"", StringComparison.Ordinal)
            .Replace("\"direction\": \"decrease\", \"baseline\": { \"fiscalYear\": 2022, \"value\": null }", "\"direction\": \"down\", \"baseline\": { \"fiscalYear\": 2022, \"value\": null }", StringComparison.Ordinal);
        var problems = ProblemsOf(json);
        Assert.Contains(problems, p => p.Path == "$.departments[1].organisation" && p.Message.Contains("town, npo-sasaeai", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.basicPolicies[0].policies[0].measures[0].initiatives[0].owners[0]");
        Assert.Contains(problems, p => p.Path == "$.indicators[1].direction" && p.Message.Contains("contradicts the baseline 50 and the target 30", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.indicators[3].direction" && p.Message.Contains("target lies above", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.indicators[2].direction" && p.Message.Contains("unknown direction 'down'", StringComparison.Ordinal));
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void An_indicator_names_the_series_it_continues()
    {
        var continues = DirectionTests.Plan.FindIndicator("I-1-K3")!.Continues!;
        Assert.Equal(("test-town-welfare-0", "II-9-K9"), (continues.PlanId, continues.IndicatorId));
        Assert.Equal("FY2025から「孤独死」を「孤立死」に改めて集計", continues.Note!.Ja);
        Assert.Null(DirectionTests.Plan.FindIndicator("I-1-K1")!.Continues);
    }

    [Theory]
    [InlineData("2025-06-30T23:59:00+09:00", PlanStatus.Active)] // FY2024's results are due by 30 June 2025 (JST)
    [InlineData("2025-06-30T15:00:00+00:00", PlanStatus.Closed)] // 1 July 00:00 JST
    [InlineData("2026-11-26T17:00:00+00:00", PlanStatus.Closed)]
    [InlineData("2021-01-01T00:00:00+09:00", PlanStatus.Active)]
    public void A_plan_closes_when_its_last_fiscal_years_results_are_due(string now, PlanStatus expected) =>
        Assert.Equal(expected, new JapanCalendar(new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)))
            .StatusOf(BuiltInPlans.Default));

    [Theory]
    [InlineData("kumamoto-welfare-4/shakyo/R5.xlsx", "kumamoto-welfare-4")]
    [InlineData("test-town-health-1/hoken/a.csv", "test-town-health-1")]
    [InlineData("test-town-health-1/hoken/sub/a.csv", "test-town-health-1")]
    [InlineData("shakyo/R5.xlsx", "kumamoto-welfare-4")] // two-part: the default plan
    [InlineData("shakyo/sub/R5.xlsx", "kumamoto-welfare-4")] // not a plan id: the default plan's department and a sub-folder
    [InlineData("test-town-health-1/a.csv", "kumamoto-welfare-4")] // two parts are always department and name
    public void An_upload_path_names_its_plan(string blobName, string planId)
    {
        var set = new PlanSet([PlanSetEntry.Read(new MemoryStream(Encoding.UTF8.GetBytes(TestPlan("decreasing-test-plan.json"))), "t", "t"),
            .. BuiltInPlans.All()], null);
        Assert.Equal(PlanId.Parse(planId), UploadPath.Parse(blobName, set).PlanId);
    }

    [Theory]
    [InlineData("p-1/hoken/a.csv", "p-1", true, "hoken", "a.csv")]
    [InlineData("hoken/a.csv", "p-1", true, "hoken", "a.csv")]
    [InlineData("p-1/hoken/../a.csv", "p-1", false, "", "")]
    public void A_plan_path_drops_the_plan_prefix(string blobName, string planId, bool ok, string department, string name)
    {
        var path = UploadPath.Parse(blobName, PlanId.Parse(planId));
        Assert.Equal(ok, path.IsValid);
        if (ok)
        {
            Assert.Equal((department, name), (path.Department.Name, path.FileName));
        }
    }
}
