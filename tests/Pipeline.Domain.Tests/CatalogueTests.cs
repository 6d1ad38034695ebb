using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Tests;

public sealed class CatalogueTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;

    [Fact]
    public void Counts_match_the_seed_chapter_4_table()
    {
        Assert.Equal("kumamoto-welfare-4", Plan.Id.Value);
        Assert.Equal(3, Plan.BasicPolicies.Count);
        Assert.Equal(7, Plan.Policies.Count);
        Assert.Equal(20, Plan.Measures.Count);
        Assert.Equal(43, Plan.Initiatives.Count);
        Assert.Equal(7, Plan.Initiatives.Count(i => i.Priority));
        Assert.Equal(10, Plan.Indicators.Count);
        Assert.Equal(2020, Plan.StartFiscalYear.Value);
        Assert.Equal(2024, Plan.EndFiscalYear.Value);
        Assert.Equal("431001", Plan.Publisher.LocalGovernmentCode);
        Assert.Equal(5, Plan.Departments.Count);
        Assert.Equal(["431010", "431028", "431036", "431044", "431052"], Plan.Wards.Select(w => w.Code.Value));
    }

    [Theory]
    [InlineData("I-1-K1", "%", IndicatorKind.Ratio, 2018, "95.1", 2024, "100", "kenko-fukushi-seisaku")]
    [InlineData("I-1-K2", "人", IndicatorKind.Flow, 2018, "98", 2024, "640", "shakyo")]
    [InlineData("I-2-K1", "回", IndicatorKind.Flow, 2018, "46", 2024, "70", "shakyo")]
    [InlineData("II-1-K1", "箇所", IndicatorKind.Stock, 2018, "711", 2024, "811", "chiiki-houkatsu")]
    [InlineData("II-1-K2", "%", IndicatorKind.Ratio, 2019, null, 2024, "100", "kenko-fukushi-seisaku")]
    [InlineData("II-2-K1", "校区", IndicatorKind.Stock, 2019, "5", 2024, "95", "shakyo")]
    [InlineData("III-1-K1", "件", IndicatorKind.Flow, 2018, "484", 2024, "1200", "seikatsu-jiritsu")]
    [InlineData("III-1-K2", "回", IndicatorKind.Flow, 2018, "96", 2024, "390", "jutaku-seisaku")]
    [InlineData("III-2-K1", "%", IndicatorKind.Ratio, 2018, "24.2", 2024, "50.0", "kenko-fukushi-seisaku")]
    [InlineData("III-3-K1", "団体", IndicatorKind.Stock, 2018, "1375", 2024, "1555", "shakyo")]
    public void Every_indicator_keeps_the_seed_baseline_and_target(
        string id, string unit, IndicatorKind kind, int baselineFy, string? baseline, int targetFy, string target, string owner)
    {
        var indicator = Plan.FindIndicator(id)!;
        Assert.Equal(unit, indicator.Unit.Symbol);
        Assert.Equal(kind, indicator.Kind);
        Assert.Equal(baselineFy, indicator.Baseline.FiscalYear.Value);
        Assert.Equal(baseline is null ? null : decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), indicator.Baseline.Value);
        Assert.Equal(targetFy, indicator.Target.FiscalYear.Value);
        Assert.Equal(decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), indicator.Target.Value);
        Assert.Equal(owner, indicator.OwnerDepartmentId.Value);
        Assert.Equal(id[..id.LastIndexOf('-')], indicator.PolicyId);
        Assert.False(string.IsNullOrWhiteSpace(indicator.Name.En));
    }

    [Fact]
    public void Names_are_verbatim_from_the_seed()
    {
        Assert.Equal("地域力強化のための人材の確保・育成", Plan.BasicPolicies[0].Name.Ja);
        Assert.Equal("包括的な支援に向けた多様な主体とのネットワークの構築", Plan.FindPolicy("III-3")!.Name.Ja);
        Assert.Equal("支え合い活動推進のためのコーディネート機能充実", Plan.FindMeasure("II-1-3")!.Name.Ja);
        Assert.Equal("「地域包括ケアシステムの深化・推進」や「校区単位の健康まちづくり」等にかかる取組の一体的な推進",
            Plan.FindInitiative("II-2-1-c")!.Name.Ja);
        Assert.Equal("支え合い活動が推進されていると感じる民生委員・児童委員、校区社会福祉協議会関係者の割合",
            Plan.FindIndicator("II-1-K2")!.Name.Ja);
        Assert.Equal("「赤い羽根共同募金」を行った団体数（年間）", Plan.FindIndicator("III-3-K1")!.Name.Ja);
    }

    [Fact]
    public void Priority_initiatives_and_responsible_parties_follow_the_seed()
    {
        Assert.Equal(
            ["I-1-1-a", "I-1-2-a", "II-1-3-a", "II-2-1-a", "III-1-2-a", "III-2-1-a", "III-3-2-a"],
            Plan.Initiatives.Where(i => i.Priority).Select(i => i.Id.Value));
        Assert.Equal(["city", "shakyo"], Plan.FindInitiative("I-1-1-a")!.Owners);
        Assert.Equal(["shakyo"], Plan.FindInitiative("I-1-2-b")!.Owners);
        Assert.Equal(["city"], Plan.FindInitiative("III-3-2-a")!.Owners);
        Assert.Equal(15, Plan.Initiatives.Count(i => i.Owners.SequenceEqual(["city"])));
        Assert.Equal(6, Plan.Initiatives.Count(i => i.Owners.SequenceEqual(["shakyo"])));
        Assert.Equal(22, Plan.Initiatives.Count(i => i.Owners.Count == 2));
    }

    [Fact]
    public void A_second_plan_file_loads_without_a_code_change()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Plans", "two-indicator-test-plan.json"));
        var plan = PlanDefinitionLoader.Load(stream, "two-indicator-test-plan.json");
        Assert.Equal("yamaga-test-1", plan.Id.Value);
        Assert.Equal(2, plan.Indicators.Count);
        Assert.Empty(plan.Wards);
        Assert.Equal(2029, plan.EndFiscalYear.Value);
        Assert.Equal("I", plan.FindIndicator("I-1-K2")!.BasicPolicyId);
    }

    [Fact]
    public void A_bad_plan_file_is_reported_with_every_problem_and_where()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Plans", "broken-plan.json"));
        var error = Assert.Throws<PlanDefinitionException>(() => PlanDefinitionLoader.Load(stream, "broken-plan.json"));
        var paths = error.Problems.Select(p => p.Path).ToList();
        Assert.Contains("$.id", paths);
        Assert.Contains("$.name.ja", paths);
        Assert.Contains("$.endFiscalYear", paths);
        Assert.Contains("$.areas.city.code", paths);
        Assert.Contains("$.departments[0].organisation", paths);
        Assert.Contains("$.basicPolicies[0].policies[0].measures[0].initiatives[0].owners", paths);
        Assert.Contains("$.basicPolicies[0].policies[0].measures[0].initiatives[1].id", paths);
        Assert.Contains("$.indicators[0].policyId", paths);
        Assert.Contains("$.indicators[0].unit", paths);
        Assert.Contains("$.indicators[0].kind", paths);
        Assert.Contains("$.indicators[0].owner", paths);
        Assert.Contains("$.indicators[0].baseline.fiscalYear", paths);
        Assert.True(error.Problems.Count >= 12, string.Join("\n", error.Problems));
        Assert.Contains("broken-plan.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        using var stream = new MemoryStream("{ \"id\": \"x\",\n  \"name\": }"u8.ToArray());
        var error = Assert.Throws<PlanDefinitionException>(() => PlanDefinitionLoader.Load(stream, "bad.json"));
        Assert.Contains("line 2", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }
}
