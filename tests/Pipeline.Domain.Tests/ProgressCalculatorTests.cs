using Microsoft.Extensions.Time.Testing;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;

namespace Pipeline.Domain.Tests;

/// <summary>Worked examples of RULES.md §4, computed by hand in the comments.</summary>
public sealed class ProgressCalculatorTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;

    private static IndicatorProgress At(string id, int fy, decimal value) =>
        ProgressCalculator.At(Plan.FindIndicator(id)!, new FiscalYear(fy), value);

    [Fact]
    public void Behind_with_moderate_sdg_progress()
    {
        // I-1-K2: b = 98 (FY2018), T = 640 (FY2024), v = 350 (FY2023).
        // 達成率 = 100 × (350 − 98) / (640 − 98) = 25200 / 542 = 46.49… → 46.5
        // expected = (2023 − 2018) / (2024 − 2018) = 5/6 = 0.8333; 46.5 < 83.33 → behind
        // CAGR(v) = (350/98)^(1/5) − 1 = 0.2899; CAGR(T) = (640/98)^(1/6) − 1 = 0.3671; r = 0.790 → moderate
        var p = At("I-1-K2", 2023, 350);
        Assert.Equal(46.5m, p.AchievementRatePercent);
        Assert.Equal(0.8333m, p.ExpectedProgress);
        Assert.Equal(ProgressStatus.Behind, p.Status);
        Assert.Equal(SdgProgress.ModerateProgress, p.SdgProgress);
    }

    [Fact]
    public void No_baseline_uses_value_over_target()
    {
        // II-1-K2: no baseline value (FY2019), T = 100 (FY2024), v = 82 (FY2023).
        // 達成率 = 100 × 82 / 100 = 82.0; expected = 4/5 = 0.8 → 82 ≥ 80 → on_track; SDG needs a baseline.
        var p = At("II-1-K2", 2023, 82);
        Assert.Equal(82.0m, p.AchievementRatePercent);
        Assert.Equal(0.8m, p.ExpectedProgress);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(SdgProgress.NotAvailable, p.SdgProgress);
    }

    [Fact]
    public void Deterioration_below_the_baseline()
    {
        // III-3-K1: b = 1375, T = 1555, v = 1361 (FY2023). 達成率 = 100 × (−14) / 180 = −7.78 → −7.8
        // CAGR(v) = (1361/1375)^(1/5) − 1 < 0 → r < 0 → deterioration
        var p = At("III-3-K1", 2023, 1361);
        Assert.Equal(-7.8m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Deteriorated, p.Status);
        Assert.Equal(SdgProgress.Deterioration, p.SdgProgress);
    }

    [Fact]
    public void Achieved_at_the_target()
    {
        // III-1-K2: b = 96, T = 390, v = 390 → 達成率 100.0 → achieved; v ≥ T → target_achieved.
        var p = At("III-1-K2", 2023, 390);
        Assert.Equal(100.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Achieved, p.Status);
        Assert.Equal(SdgProgress.TargetAchieved, p.SdgProgress);
        // Not clamped: beyond the target the rate goes past 100.
        Assert.Equal(134.0m, At("III-1-K2", 2023, 490).AchievementRatePercent); // 100 × 394 / 294 = 134.01
    }

    [Fact]
    public void On_track_with_substantial_sdg_progress()
    {
        // III-1-K1: b = 484, T = 1200, v = 1150 (FY2023). 達成率 = 100 × 666 / 716 = 93.0 ≥ 83.33 → on_track
        // CAGR(v) = (1150/484)^(1/5) − 1 = 0.1890; CAGR(T) = (1200/484)^(1/6) − 1 = 0.1633; r = 1.157 → substantial
        var p = At("III-1-K1", 2023, 1150);
        Assert.Equal(93.0m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(SdgProgress.SubstantialProgress, p.SdgProgress);
    }

    [Fact]
    public void A_single_year_has_no_sdg_trend_and_no_expected_progress()
    {
        // A value at the baseline year itself: t − t0 = 0 → expected 0, SDG not available (fewer than two years).
        var p = At("I-2-K1", 2018, 50);
        Assert.Equal(0m, p.ExpectedProgress);
        Assert.Equal(16.7m, p.AchievementRatePercent); // 100 × 4 / 24 = 16.67
        Assert.Equal(ProgressStatus.OnTrack, p.Status);
        Assert.Equal(SdgProgress.NotAvailable, p.SdgProgress);
    }

    [Fact]
    public void Limited_progress_and_expected_progress_clamped()
    {
        // I-1-K1: b = 95.1, T = 100, v = 95.9 (FY2023): 達成率 = 100 × 0.8 / 4.9 = 16.3 → behind.
        // CAGR(v) = (95.9/95.1)^(1/5) − 1 = 0.00168; CAGR(T) = (100/95.1)^(1/6) − 1 = 0.00841; r = 0.2 → limited
        var p = At("I-1-K1", 2023, 95.9m);
        Assert.Equal(16.3m, p.AchievementRatePercent);
        Assert.Equal(ProgressStatus.Behind, p.Status);
        Assert.Equal(SdgProgress.LimitedProgress, p.SdgProgress);
        Assert.Equal(1m, ProgressCalculator.ExpectedProgress(Plan.FindIndicator("I-1-K1")!, new FiscalYear(2030)));
    }

    [Fact]
    public void No_value_is_no_data()
    {
        var p = ProgressCalculator.At(Plan.FindIndicator("I-1-K1")!, null, null);
        Assert.Equal(ProgressStatus.NoData, p.Status);
        Assert.Null(p.AchievementRatePercent);
        Assert.Equal(SdgProgress.NotAvailable, p.SdgProgress);
    }

    [Theory]
    [InlineData("2024-06-30T23:59:00+09:00", 2022)] // FY2023's values are due by 30 June 2024 (JST)
    [InlineData("2024-06-30T15:00:00+00:00", 2023)] // 1 July 00:00 JST: FY2023 is now due
    [InlineData("2021-07-01T00:00:00+09:00", 2020)]
    [InlineData("2021-06-30T12:00:00+09:00", null)] // nothing of this plan due yet
    [InlineData("2030-01-01T00:00:00+09:00", 2024)] // never past the plan's last fiscal year
    public void The_last_fiscal_year_due_is_judged_in_jst(string now, int? expected)
    {
        var instant = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        var due = new JapanCalendar(new FakeTimeProvider(instant)).LastDue(Plan, instant);
        Assert.Equal(expected, due?.Value);
    }

    [Fact]
    public void Overdue_when_the_latest_value_is_older_than_the_last_due()
    {
        Assert.True(JapanCalendar.IsOverdue(new FiscalYear(2022), new FiscalYear(2023)));
        Assert.True(JapanCalendar.IsOverdue(null, new FiscalYear(2020)));
        Assert.False(JapanCalendar.IsOverdue(new FiscalYear(2023), new FiscalYear(2023)));
        Assert.False(JapanCalendar.IsOverdue(null, null));
    }
}
