using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;

namespace Pipeline.Publishing.Document;

/// <summary>
/// One fiscal year of an indicator: the whole city's value and each ward's, the progress at that year, and what the
/// department wrote beside the value (<see cref="Flag"/>, <see cref="Note"/>; RULES.md §13).
/// </summary>
public sealed record FeedActual(
    int FiscalYear,
    decimal? Value,
    bool Partial,
    IReadOnlyList<FeedArea> Areas,
    decimal? AchievementRatePercent,
    ProgressStatus Status,
    IReadOnlyList<FeedWarning> Warnings,
    FeedSource? Source = null,
    IReadOnlyList<FeedRevision>? Revisions = null,
    ValueFlag? Flag = null,
    string? Note = null);
