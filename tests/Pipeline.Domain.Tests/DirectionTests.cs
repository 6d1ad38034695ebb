using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §4 for indicators that should fall, worked by hand. Plan Plans/decreasing-test-plan.json:
/// I-1-K1 b = 20 (FY2022), T = 10 (FY2027), direction inferred; I-1-K2 b = 50, T = 30, direction stated;
/// I-1-K3 no baseline, T = 10, direction stated. |CAGR(T)| for I-1-K1 = |(10/20)^(1/5) − 1| = 0.12945.
/// </summary>
public sealed class DirectionTests
{
    internal static readonly Plan Plan = Load("decreasing-test-plan.json");

    internal static Plan Load(string file)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Plans", file));
        return PlanDefinitionLoader.Load(stream, file);
    }

    private static IndicatorProgress At(string id, int fy, decimal value) =>
        ProgressCalculator.At(Plan.FindIndicator(id)!, new FiscalYear(fy), value);

    [Fact]
    public void The_direction_is_inferred_from_baseline_and_target_or_taken_as_stated()
    {
        Assert.Equal(IndicatorDirection.Decrease, Plan.FindIndicator("I-1-K1")!.Direction); // inferred: 10 < 20
        Assert.Equal(IndicatorDirection.Decrease, Plan.FindIndicator("I-1-K2")!.Direction); // stated
        Assert.Equal(IndicatorDirection.Decrease, Plan.FindIndicator("I-1-K3")!.Direction); // stated, no baseline
        Assert.Equal(IndicatorDirection.Increase, Plan.FindIndicator("I-1-K4")!.Direction); // inferred: 200 > 100
        Assert.All(BuiltInPlans.Default.Indicators, i => Assert.Equal(IndicatorDirection.Increase, i.Direction));
    }

    [Fact]
    public void Achieved_below_the_target()
    {
        // v = 9 (FY2025): 達成率 = 100 × (9 − 20) / (10 − 20) = 110.0 → achieved; 9 ≤ 10 → target_achieved.
        var p = At("I-1-K1", 2025, 9);
        Assert.Equal(110.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Achieved, p.Status);
        Assert.Equal(SdgProgress.TargetAchieved, p.SdgProgress);
        // Exactly at the target: 100.0, achieved, target_achieved.
        Assert.Equal(ProgressStatus.Achieved, At("I-1-K1", 2025, 10).Status);
        Assert.Equal(SdgProgress.TargetAchieved, At("I-1-K1", 2025, 10).SdgProgress);
    }

    [Fact]
    public void Still_above_the_target_is_not_target_achieved()
    {
        // The old rule said v ≥ T → target_achieved; for a decrease 12 > 10 has not reached it.
        // FY2026: 達成率 = 100 × (−8) / (−10) = 80.0; expected = 4/5 = 0.8 → on_track.
        // CAGR(v) = (12/20)^(1/4) − 1 = −0.11989; r = −(−0.11989) / 0.12945 = 0.926 → moderate_progress.
        var p = At("I-1-K1", 2026, 12);
        Assert.Equal(80.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(SdgProgress.ModerateProgress, p.SdgProgress);
    }

    [Fact]
    public void On_track_with_substantial_progress()
    {
        // v = 15 (FY2024): 達成率 = 100 × (−5) / (−10) = 50.0 ≥ 100 × 2/5 → on_track.
        // CAGR(v) = (15/20)^(1/2) − 1 = −0.13397; r = 0.13397 / 0.12945 = 1.035 → substantial_progress.
        var p = At("I-1-K1", 2024, 15);
        Assert.Equal(50.0m, p.AchievementRatePercent);
        Assert.Equal(0.4m, p.ExpectedProgress);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(SdgProgress.SubstantialProgress, p.SdgProgress);
    }

    [Fact]
    public void Behind_with_limited_progress()
    {
        // v = 16 (FY2025): 達成率 = 100 × (−4) / (−10) = 40.0 < 60 → behind.
        // CAGR(v) = (16/20)^(1/3) − 1 = −0.07168; r = 0.07168 / 0.12945 = 0.554 → limited_progress.
        var p = At("I-1-K1", 2025, 16);
        Assert.Equal(40.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Behind, p.Status);
        Assert.Equal(SdgProgress.LimitedProgress, p.SdgProgress);
    }

    [Fact]
    public void Rising_is_deterioration()
    {
        // v = 22 (FY2024): 達成率 = 100 × 2 / (−10) = −20.0 → deteriorated.
        // CAGR(v) = (22/20)^(1/2) − 1 = 0.04881; r = −0.04881 / 0.12945 = −0.377 → deterioration.
        var p = At("I-1-K1", 2024, 22);
        Assert.Equal(-20.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Deteriorated, p.Status);
        Assert.Equal(SdgProgress.Deterioration, p.SdgProgress);
    }

    [Fact]
    public void A_stated_decrease_behind_with_moderate_progress()
    {
        // I-1-K2: b = 50, T = 30, v = 40 (FY2025): 達成率 = 100 × (−10) / (−20) = 50.0 < 60 → behind.
        // CAGR(v) = (40/50)^(1/3) − 1 = −0.07168; CAGR(T) = (30/50)^(1/5) − 1 = −0.09712; r = 0.738 → moderate.
        var p = At("I-1-K2", 2025, 40);
        Assert.Equal(50.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Behind, p.Status);
        Assert.Equal(SdgProgress.ModerateProgress, p.SdgProgress);
        Assert.Equal(ProgressStatus.Achieved, At("I-1-K2", 2025, 29.5m).Status);
        Assert.Equal(SdgProgress.TargetAchieved, At("I-1-K2", 2025, 29.5m).SdgProgress);
    }

    [Fact]
    public void Without_a_baseline_a_decrease_rate_is_target_over_value()
    {
        // I-1-K3: T = 10; v = 12.5 (FY2026): 100 × 10 / 12.5 = 80.0 ≥ 80 → on_track; v = 8: 125.0 → achieved.
        var p = At("I-1-K3", 2026, 12.5m);
        Assert.Equal(80.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(SdgProgress.NotAvailable, p.SdgProgress);
        Assert.Equal(125.0m, At("I-1-K3", 2026, 8).AchievementRatePercent);
        Assert.Equal(ProgressStatus.Achieved, At("I-1-K3", 2026, 8).Status);
        Assert.Equal(ProgressStatus.Behind, At("I-1-K3", 2026, 20).Status); // 50.0 < 80
    }
}
