using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Progress;

/// <summary>RULES.md §4: 達成率, the expected share of the way, the status and the Open SDG measure.</summary>
public static class ProgressCalculator
{
    /// <summary>Progress of an indicator whose latest value is <paramref name="value"/> at <paramref
    /// name="fiscalYear"/>.</summary>
    public static IndicatorProgress At(Indicator indicator, FiscalYear? fiscalYear, decimal? value)
    {
        if (fiscalYear is not { } t || value is not { } v)
        {
            return new IndicatorProgress(null, null, null, null, ProgressStatus.NoData, SdgProgress.NotAvailable);
        }

        var rate = AchievementRate(indicator, v);
        var expected = ExpectedProgress(indicator, t);
        var status = rate switch
        {
            null => ProgressStatus.NoData,
            >= 100m => ProgressStatus.Achieved,
            < 0m => ProgressStatus.Deteriorated,
            // A maintain target (維持) not held: the value has left the baseline the wrong way.
            _ when IsMaintain(indicator) => ProgressStatus.Deteriorated,
            var r when r >= 100m * expected => ProgressStatus.OnTrack,
            _ => ProgressStatus.Behind,
        };
        return new IndicatorProgress(t, v, rate, expected, status, Sdg(indicator, t, v));
    }

    /// <summary>
    /// 100 × (v − b) / (T − b), for either direction; without a baseline, or for a maintain target (T = b),
    /// 100 × v / T, or 100 × T / v for a <c>decrease</c> indicator; one decimal; not clamped. Where that divides by
    /// zero (a decrease indicator at 0, a target of 0) it is 100 when the target is reached, else none.
    /// </summary>
    public static decimal? AchievementRate(Indicator indicator, decimal v)
    {
        var target = indicator.Target.Value!.Value;
        var (numerator, denominator) = indicator.Baseline.Value is { } b && !IsMaintain(indicator) ? (v - b, target - b)
            : indicator.Direction == IndicatorDirection.Decrease ? (target, v) : (v, target);
        if (denominator == 0)
        {
            return Reached(indicator, v) ? 100m : null;
        }

        return Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>A maintain target (維持): the target is the baseline value (RULES.md §4).</summary>
    public static bool IsMaintain(Indicator indicator) =>
        indicator.Baseline.Value is { } b && indicator.Target.Value == b;

    /// <summary>(t − t0) / (t1 − t0), clamped to [0, 1], four decimals.</summary>
    public static decimal ExpectedProgress(Indicator indicator, FiscalYear t)
    {
        var span = indicator.Target.FiscalYear.Value - indicator.Baseline.FiscalYear.Value;
        var share = (decimal)(t.Value - indicator.Baseline.FiscalYear.Value) / span;
        return Math.Round(Math.Clamp(share, 0m, 1m), 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// sdg-build's ProgressMeasure with a target: r = d × CAGR(v, b) / |CAGR(T, b)|, where
    /// CAGR(x, y, a, c) = (x / y)^(1 / (a − c)) − 1 and d is the direction (1 increase, −1 decrease).
    /// </summary>
    public static SdgProgress Sdg(Indicator indicator, FiscalYear t, decimal v)
    {
        if (indicator.Baseline.Value is not { } b || t.Value - indicator.Baseline.FiscalYear.Value < 1)
        {
            return SdgProgress.NotAvailable;
        }

        var target = indicator.Target.Value!.Value;
        if (Reached(indicator, v))
        {
            return SdgProgress.TargetAchieved;
        }

        if (b <= 0 || v < 0 || target <= 0)
        {
            return SdgProgress.NotAvailable;
        }

        var actual = Cagr((double)v, (double)b, t.Value, indicator.Baseline.FiscalYear.Value);
        var planned =
            Math.Abs(
                Cagr((double)target, (double)b, indicator.Target.FiscalYear.Value,
                    indicator.Baseline.FiscalYear.Value));
        if (planned == 0)
        {
            // A maintain target not reached: the value left the baseline the wrong way.
            return SdgProgress.Deterioration;
        }

        var r = (indicator.Direction == IndicatorDirection.Decrease ? -actual : actual) / planned;
        return r switch
        {
            >= 0.95 => SdgProgress.SubstantialProgress,
            >= 0.6 => SdgProgress.ModerateProgress,
            >= 0 => SdgProgress.LimitedProgress,
            _ => SdgProgress.Deterioration,
        };
    }

    /// <summary>Whether <paramref name="v"/> reaches the target: v ≥ T, or v ≤ T for a <c>decrease</c>
    /// indicator.</summary>
    public static bool Reached(Indicator indicator, decimal v) =>
        indicator.Direction == IndicatorDirection.Decrease ? v <= indicator.Target.Value!.Value
            : v >= indicator.Target.Value!.Value;

    private static double Cagr(double x, double y, int a, int c) => Math.Pow(x / y, 1.0 / (a - c)) - 1;
}
