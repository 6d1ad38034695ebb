using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §4's edge targets, worked by hand: a maintain target (維持, T = b) and a decrease indicator that reaches
/// zero without a baseline. Plan Plans/maintain-test-plan.json: I-1-K1 b = T = 120 (FY2022 → FY2027, increase
/// inferred); I-1-K2 b = T = 5, decrease stated; I-1-K3 b = T = 0, decrease stated. Each gave no_data before.
/// </summary>
public sealed class TargetEdgeTests
{
    private static readonly Plan Maintain = DirectionTests.Load("maintain-test-plan.json");

    private static IndicatorProgress At(Plan plan, string id, int fy, decimal value) =>
        ProgressCalculator.At(plan.FindIndicator(id)!, new FiscalYear(fy), value);

    [Fact]
    public void A_maintain_target_held_is_achieved()
    {
        // v = 123 (FY2025): at or above b = T = 120 → achieved; 達成率 = 100 × v / T = 102.5; sdg target_achieved.
        var p = At(Maintain, "I-1-K1", 2025, 123);
        Assert.True(ProgressCalculator.IsMaintain(Maintain.FindIndicator("I-1-K1")!));
        Assert.Equal((102.5m, ProgressStatus.Achieved, SdgProgress.TargetAchieved), (p.AchievementRatePercent, p.Status, p.SdgProgress));
        Assert.Equal((100.0m, ProgressStatus.Achieved), (At(Maintain, "I-1-K1", 2025, 120).AchievementRatePercent, At(Maintain, "I-1-K1", 2025, 120).Status));
    }

    [Fact]
    public void A_maintain_target_not_held_is_deteriorated()
    {
        // v = 114: below 120 → deteriorated; 達成率 = 100 × 114 / 120 = 95.0 (the share kept); CAGR(v) < 0 with a
        // planned CAGR of 0 → deterioration.
        var p = At(Maintain, "I-1-K1", 2025, 114);
        Assert.Equal((95.0m, ProgressStatus.Deteriorated, SdgProgress.Deterioration), (p.AchievementRatePercent, p.Status, p.SdgProgress));
    }

    [Fact]
    public void A_maintain_target_of_a_decrease_indicator_is_held_at_or_below_the_baseline()
    {
        // b = T = 5, lower is better. v = 4 → 達成率 = 100 × T / v = 125.0, achieved. v = 6 → 83.3, deteriorated.
        var held = At(Maintain, "I-1-K2", 2025, 4);
        Assert.Equal((125.0m, ProgressStatus.Achieved, SdgProgress.TargetAchieved), (held.AchievementRatePercent, held.Status, held.SdgProgress));
        var lost = At(Maintain, "I-1-K2", 2025, 6);
        Assert.Equal((83.3m, ProgressStatus.Deteriorated, SdgProgress.Deterioration), (lost.AchievementRatePercent, lost.Status, lost.SdgProgress));
    }

    [Fact]
    public void Zero_kept_at_zero_is_achieved_and_anything_above_it_deteriorated()
    {
        // b = T = 0, decrease. v = 0 reaches the target: the rate's 100 × T / v has no value, so it is 100, achieved.
        // v = 2: 100 × 0 / 2 = 0.0 and the target is not held → deteriorated. SDG needs a baseline above 0.
        var zero = At(Maintain, "I-1-K3", 2025, 0);
        Assert.Equal((100m, ProgressStatus.Achieved), (zero.AchievementRatePercent, zero.Status));
        var two = At(Maintain, "I-1-K3", 2025, 2);
        Assert.Equal((0.0m, ProgressStatus.Deteriorated, SdgProgress.NotAvailable), (two.AchievementRatePercent, two.Status, two.SdgProgress));
    }

    [Fact]
    public void A_decrease_indicator_without_baseline_reaching_zero_is_achieved()
    {
        // decreasing-test-plan I-1-K3: no baseline, T = 10, decrease. v = 0 (no deaths in isolation) ≤ 10: reached,
        // 100 × T / v has no value → 100, achieved. v = 12 → 100 × 10 / 12 = 83.3; expected (2025 − 2022) / 5 = 0.6 → on_track.
        var zero = At(DirectionTests.Plan, "I-1-K3", 2025, 0);
        Assert.Equal((100m, ProgressStatus.Achieved, SdgProgress.NotAvailable), (zero.AchievementRatePercent, zero.Status, zero.SdgProgress));
        var twelve = At(DirectionTests.Plan, "I-1-K3", 2025, 12);
        Assert.Equal((83.3m, ProgressStatus.OnTrack), (twelve.AchievementRatePercent, twelve.Status));
    }
}
