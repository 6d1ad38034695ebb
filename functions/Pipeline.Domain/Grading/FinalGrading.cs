using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Rollup;

namespace Pipeline.Domain.Grading;

/// <summary>
/// RULES.md §11: the final evaluation of a closed plan's indicator by 健康日本21's 最終評価 scheme. The value judged is
/// the last fiscal year's with a complete value (RULES.md §4); it is compared with the target, then with the baseline,
/// in the indicator's direction, a change within the indicator's tolerance counting as none.
/// </summary>
public static class FinalGrading
{
    /// <summary>The grades in the order their counts are listed.</summary>
    public static readonly IReadOnlyList<FinalGrade> Grades =
        [FinalGrade.A, FinalGrade.B, FinalGrade.C, FinalGrade.D, FinalGrade.E];

    /// <summary>The grade of <paramref name="indicator"/> of a plan ending at <paramref name="planEnd"/>, from its
    /// fiscal-year values.</summary>
    public static IndicatorFinalEvaluation Of(
        Indicator indicator, FiscalYear planEnd, IReadOnlyList<FiscalYearActual> actuals, DateTimeOffset now)
    {
        var latest = actuals.LastOrDefault(a => a.Value is not null && PartialYears.IsComplete(indicator, a, now));
        var fiscalYear = latest?.FiscalYear;
        var value = latest?.Value;
        if (indicator.Baseline.Value is not { } baseline)
        {
            return new(FinalGrade.E, fiscalYear, value, FinalGradeReason.NoBaseline);
        }

        if (fiscalYear is not { } fy || value is not { } v || fy.Value < planEnd.Value - 1)
        {
            return new(FinalGrade.E, fiscalYear, value, FinalGradeReason.NoRecentValue);
        }

        if (indicator.DefinitionChange is { } change && fy >= change.FiscalYear)
        {
            return new(FinalGrade.E, fy, v, FinalGradeReason.DefinitionChanged);
        }

        if (ProgressCalculator.Reached(indicator, v))
        {
            return new(FinalGrade.A, fy, v, FinalGradeReason.TargetReached);
        }

        if (Math.Abs(v - baseline) <= indicator.Tolerance)
        {
            return new(FinalGrade.C, fy, v, FinalGradeReason.Unchanged);
        }

        var better = indicator.Direction == IndicatorDirection.Decrease ? v < baseline : v > baseline;
        return better
            ? new(FinalGrade.B, fy, v, FinalGradeReason.Improved)
            : new(FinalGrade.D, fy, v, FinalGradeReason.Worsened);
    }

    /// <summary>Indicators per grade, keyed <c>A</c> … <c>E</c>, every grade present.</summary>
    public static IReadOnlyDictionary<string, int> Counts(IEnumerable<FinalGrade> grades)
    {
        var counts = Grades.ToDictionary(g => g.ToString(), _ => 0, StringComparer.Ordinal);
        foreach (var grade in grades)
        {
            counts[grade.ToString()]++;
        }

        return counts;
    }

    /// <summary>The scheme's words for a grade, Japanese and English.</summary>
    public static LocalizedText Label(FinalGrade grade) => grade switch
    {
        FinalGrade.A => new("目標値に達した", "target reached"),
        FinalGrade.B => new("現時点で目標値に達していないが、改善傾向にある", "not reached, but improved from the baseline"),
        FinalGrade.C => new("変わらない", "no change"),
        FinalGrade.D => new("悪化している", "worse than the baseline"),
        _ => new("評価困難", "cannot be evaluated"),
    };
}
