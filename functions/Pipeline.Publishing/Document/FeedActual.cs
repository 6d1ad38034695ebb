using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;

namespace Pipeline.Publishing.Document;

public sealed record FeedActual(
    int FiscalYear,
    decimal? Value,
    bool Partial,
    IReadOnlyList<FeedArea> Areas,
    decimal? AchievementRatePercent,
    ProgressStatus Status,
    IReadOnlyList<FeedWarning> Warnings,
    FeedSource? Source = null,
    IReadOnlyList<FeedRevision>? Revisions = null);
