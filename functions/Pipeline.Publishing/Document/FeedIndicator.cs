using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;

namespace Pipeline.Publishing.Document;

public sealed record FeedIndicator(
    string Id,
    string PolicyId,
    string BasicPolicyId,
    LocalizedText Name,
    string Unit,
    IndicatorKind Kind,
    string Owner,
    FeedValue Baseline,
    FeedValue Target,
    IReadOnlyList<FeedActual> Actuals,
    FeedValue? Latest,
    decimal? AchievementRatePercent,
    decimal? ExpectedProgress,
    ProgressStatus Status,
    SdgProgress SdgProgress,
    bool Overdue,
    IndicatorDirection Direction,
    FeedYearToDate? YearToDate,
    SeriesContinuation? Continues,
    FeedFinalEvaluation? FinalEvaluation = null,
    IReadOnlyList<FeedCommentary>? Commentary = null);
