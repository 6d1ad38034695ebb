using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Progress;

/// <summary>An indicator's progress at its latest value.</summary>
public sealed record IndicatorProgress(
    FiscalYear? LatestFiscalYear,
    decimal? LatestValue,
    decimal? AchievementRatePercent,
    decimal? ExpectedProgress,
    ProgressStatus Status,
    SdgProgress SdgProgress);
