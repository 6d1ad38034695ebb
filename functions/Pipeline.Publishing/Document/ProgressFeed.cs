using System.Text.Json.Serialization;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;

namespace Pipeline.Publishing.Document;

/// <summary>The open-data feed, <c>feeds/v1/{planId}/progress.json</c> (RULES.md §5).</summary>
public sealed record ProgressFeed(
    string SchemaVersion,
    DateTimeOffset GeneratedAt,
    string License,
    FeedLicense LicenseDetail,
    FeedPlan Plan,
    FeedFreshness Freshness,
    IReadOnlyList<FeedIndicator> Indicators,
    IReadOnlyList<FeedPolicy> Policies,
    IReadOnlyList<FeedBasicPolicy> BasicPolicies);

/// <summary>
/// The licence and the attribution its terms ask for (built by <see cref="FeedAttribution"/>): the source line
/// with the dataset's URL, the wording for derived use, the clause on edited data and the CC BY 4.0 compatibility.
/// </summary>
public sealed record FeedLicense(
    string Id,
    string Url,
    LocalizedText Title,
    LocalizedText Attribution,
    LocalizedText Terms,
    string TermsUrl,
    IReadOnlyList<LocalizedText> Publishers,
    string DatasetUrl,
    LocalizedText SourceLine,
    LocalizedText DerivedUse,
    LocalizedText EditedData,
    LocalizedText Compatibility);

public sealed record FeedPlan(
    string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, FeedPublisher Publisher,
    PlanStatus Status, IReadOnlyList<Organisation> Organisations);

public sealed record FeedPublisher(LocalizedText Name, string LocalGovernmentCode, IReadOnlyList<LocalizedText> Partners);

/// <summary>How fresh the feed is: the last fiscal year whose values were due, and the rule.</summary>
public sealed record FeedFreshness(int? LastDueFiscalYear, string DueRule, int OverdueIndicators);

public sealed record FeedValue(int FiscalYear, decimal? Value);

public sealed record FeedArea(string Code, LocalizedText Name, decimal Value, bool Partial);

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

public sealed record FeedWarning(string Code, LocalizedText Message);

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
    SeriesContinuation? Continues);

/// <summary>The fiscal year in progress, or a monthly flow with months missing (RULES.md §4): shown, never a status.</summary>
public sealed record FeedYearToDate(int FiscalYear, decimal Value, int? MonthsReported);

public sealed record FeedEvaluation(int FiscalYear, Rating Rating, LocalizedText Label, string? Comment);

public sealed record FeedInitiative(
    string Id, LocalizedText Name, bool Priority, IReadOnlyList<string> Owners, IReadOnlyList<FeedEvaluation> Evaluations);

public sealed record FeedMeasure(string Id, LocalizedText Name, IReadOnlyList<FeedInitiative> Initiatives);

public sealed record FeedPolicy(
    string Id, string BasicPolicyId, LocalizedText Name, IReadOnlyList<string> IndicatorIds,
    IReadOnlyDictionary<string, int> StatusCounts, IReadOnlyList<FeedMeasure> Measures);

public sealed record FeedBasicPolicy(string Id, LocalizedText Name, IReadOnlyList<string> PolicyIds, IReadOnlyDictionary<string, int> StatusCounts);

/// <summary>Type information for the feed; the options are <see cref="FeedJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProgressFeed))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
