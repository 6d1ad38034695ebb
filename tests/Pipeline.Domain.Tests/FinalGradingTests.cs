using Microsoft.Extensions.Time.Testing;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Grading;
using Pipeline.Domain.Rollup;
using Pipeline.Publishing.Document;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §11, the final evaluation A–E, worked by hand on Plans/final-grades-test-plan.json (FY2020–FY2024, closed
/// since 30 June 2025): each grade, each reason, both directions and the tolerance.
/// </summary>
public sealed class FinalGradingTests
{
    private static readonly Plan Plan = DirectionTests.Load("final-grades-test-plan.json");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);

    private static FiscalYearActual Year(int fy, decimal value, int? months = null) =>
        new(new FiscalYear(fy), value, months is < 12, [], [], months);

    private static IndicatorFinalEvaluation Grade(string id, params FiscalYearActual[] actuals) =>
        FinalGrading.Of(Plan.FindIndicator(id)!, Plan.EndFiscalYear, actuals, Now);

    [Fact]
    public void A_the_target_is_reached_in_the_last_year()
    {
        // I-1-K1 increase, b = 50, T = 80: FY2024 82 ≥ 80 → A, judged on FY2024.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.A, new FiscalYear(2024), 82m, FinalGradeReason.TargetReached),
            Grade("I-1-K1", Year(2023, 75), Year(2024, 82)));
        // Exactly at the target counts as reached: 80 ≥ 80.
        Assert.Equal(FinalGrade.A, Grade("I-1-K1", Year(2024, 80)).Grade);
    }

    [Fact]
    public void B_a_decrease_indicator_below_its_baseline_but_above_its_target_has_improved()
    {
        // I-1-K2 decrease, b = 20, T = 10: FY2023 15 (FY2024 not given; FY2023 is one of the last two years):
        // 15 > 10 not reached; 15 < 20 better by 5 > tolerance 0 → B, judged on FY2023.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.B, new FiscalYear(2023), 15m, FinalGradeReason.Improved),
            Grade("I-1-K2", Year(2022, 18), Year(2023, 15)));
    }

    [Fact]
    public void C_a_change_within_the_tolerance_is_no_change_in_either_direction()
    {
        // I-1-K3 increase, b = 40, tolerance 1.0: 40.8 − 40 = 0.8 ≤ 1.0 → C; 39.0 − 40 = −1.0, |−1.0| ≤ 1.0 → C.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.C, new FiscalYear(2024), 40.8m, FinalGradeReason.Unchanged),
            Grade("I-1-K3", Year(2024, 40.8m)));
        Assert.Equal(FinalGrade.C, Grade("I-1-K3", Year(2024, 39.0m)).Grade);
        // 41.1 − 40 = 1.1 > 1.0 → B.
        Assert.Equal(FinalGrade.B, Grade("I-1-K3", Year(2024, 41.1m)).Grade);
        // I-2-K4 decrease, b = 20, tolerance 0.5: 19.6 is 0.4 better, within → C; 20.6 is 0.6 worse → D.
        Assert.Equal(FinalGrade.C, Grade("I-2-K4", Year(2024, 19.6m)).Grade);
        Assert.Equal(FinalGrade.D, Grade("I-2-K4", Year(2024, 20.6m)).Grade);
        // Without a tolerance (0) the same value is no change only when equal: I-1-K2 b = 20, v = 20 → C.
        Assert.Equal(FinalGrade.C, Grade("I-1-K2", Year(2024, 20m)).Grade);
    }

    [Fact]
    public void D_worse_than_the_baseline_in_the_indicators_direction()
    {
        // I-1-K4 decrease, b = 30, T = 20: FY2024 33 > 30, worse by 3 → D.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.D, new FiscalYear(2024), 33m, FinalGradeReason.Worsened),
            Grade("I-1-K4", Year(2024, 33)));
        // I-1-K1 increase, b = 50: 48 < 50 → D.
        Assert.Equal(FinalGrade.D, Grade("I-1-K1", Year(2024, 48)).Grade);
    }

    [Fact]
    public void E_without_a_baseline_without_a_recent_value_or_after_a_definition_change()
    {
        // I-2-K1 has no baseline (現状値なし): E whatever the value, which is still named.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.E, new FiscalYear(2024), 95m, FinalGradeReason.NoBaseline),
            Grade("I-2-K1", Year(2024, 95)));
        // I-2-K2: the last value is FY2022, before the last two years FY2023–FY2024 → E, naming FY2022.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.E, new FiscalYear(2022), 160m, FinalGradeReason.NoRecentValue),
            Grade("I-2-K2", Year(2021, 120), Year(2022, 160)));
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.E, null, null, FinalGradeReason.NoRecentValue), Grade("I-2-K2"));
        // I-2-K3's definition changed in FY2023: FY2024's 25 (over the target 20) is not comparable → E.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.E, new FiscalYear(2024), 25m, FinalGradeReason.DefinitionChanged),
            Grade("I-2-K3", Year(2022, 12), Year(2024, 25)));
    }

    [Fact]
    public void The_grade_uses_the_last_year_with_a_complete_value_not_a_year_with_months_missing()
    {
        // I-2-K2 flow, b = 100, T = 150: FY2024 has 6 of 12 months (90 so far, partial) and FY2023 is complete at 155.
        // The grade judges FY2023: 155 ≥ 150 → A. Were the partial 90 judged it would be D.
        Assert.Equal(new IndicatorFinalEvaluation(FinalGrade.A, new FiscalYear(2023), 155m, FinalGradeReason.TargetReached),
            Grade("I-2-K2", Year(2023, 155, months: 12), Year(2024, 90, months: 6)));
    }

    [Fact]
    public void The_feed_of_the_closed_plan_carries_each_grade_and_the_counts_per_basic_policy()
    {
        var actuals = new Dictionary<string, IReadOnlyList<FiscalYearActual>>(StringComparer.Ordinal)
        {
            ["I-1-K1"] = [Year(2024, 82)],          // A
            ["I-1-K2"] = [Year(2023, 15)],          // B
            ["I-1-K3"] = [Year(2024, 40.8m)],       // C
            ["I-1-K4"] = [Year(2024, 33)],          // D
            ["I-2-K1"] = [Year(2024, 95)],          // E no baseline
            ["I-2-K2"] = [Year(2022, 160)],         // E no recent value
            ["I-2-K3"] = [Year(2024, 25)],          // E definition change
            ["I-2-K4"] = [Year(2024, 19.6m)],       // C
        };
        var feed = FeedBuilder.Build(Plan, actuals, [], Now, new JapanCalendar(new FakeTimeProvider(Now)));
        Assert.Equal(PlanStatus.Closed, feed.Plan.Status);
        Assert.Equal("A B C D E E E C", string.Join(' ', feed.Indicators.Select(i => i.FinalEvaluation!.Grade)));
        Assert.Equal("目標値に達した", feed.Indicators[0].FinalEvaluation!.Label.Ja);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 1, ["C"] = 2, ["D"] = 1, ["E"] = 3 },
            feed.BasicPolicies.Single().FinalGradeCounts);

        // While the plan is active (30 June 2025 JST, the due date itself) there is no final evaluation.
        var active = FeedBuilder.Build(Plan, actuals, [], new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero), new JapanCalendar(new FakeTimeProvider(Now)));
        Assert.Equal(PlanStatus.Active, active.Plan.Status);
        Assert.All(active.Indicators, i => Assert.Null(i.FinalEvaluation));
        Assert.Null(active.BasicPolicies.Single().FinalGradeCounts);
    }

    [Fact]
    public void A_negative_tolerance_and_a_definition_change_outside_the_plan_are_refused_with_their_paths()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "final-grades-test-plan.json"))
            .Replace("\"tolerance\": 1.0", "\"tolerance\": -1", StringComparison.Ordinal)
            .Replace("\"definitionChange\": { \"fiscalYear\": 2023", "\"definitionChange\": { \"fiscalYear\": 2026", StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<PlanDefinitionException>(() => PlanDefinitionLoader.Load(stream, "broken.json"));
        Assert.Equal(["$.indicators[2].tolerance", "$.indicators[6].definitionChange.fiscalYear"], e.Problems.Select(p => p.Path));
    }
}
