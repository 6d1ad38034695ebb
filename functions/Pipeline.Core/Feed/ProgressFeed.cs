using System.Text.Json.Serialization;
using Pipeline.Core.Catalogue;

namespace Pipeline.Core.Feed;

/// <summary>The open-data feed, <c>feeds/v1/{planId}/progress.json</c> (contract §5).</summary>
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

/// <summary>The licence and the attribution wording of 政府標準利用規約（第2.0版）.</summary>
public sealed record FeedLicense(string Id, string Url, LocalizedText Title, LocalizedText Attribution);

public sealed record FeedPlan(
    string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, FeedPublisher Publisher);

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
    string Status,
    IReadOnlyList<FeedWarning> Warnings);

public sealed record FeedWarning(string Code, LocalizedText Message);

public sealed record FeedIndicator(
    string Id,
    string PolicyId,
    string BasicPolicyId,
    LocalizedText Name,
    string Unit,
    string Kind,
    string Owner,
    FeedValue Baseline,
    FeedValue Target,
    IReadOnlyList<FeedActual> Actuals,
    FeedValue? Latest,
    decimal? AchievementRatePercent,
    decimal? ExpectedProgress,
    string Status,
    string SdgProgress,
    bool Overdue);

public sealed record FeedEvaluation(int FiscalYear, string Rating, LocalizedText Label, string? Comment);

public sealed record FeedInitiative(
    string Id, LocalizedText Name, bool Priority, IReadOnlyList<string> Owners, IReadOnlyList<FeedEvaluation> Evaluations);

public sealed record FeedMeasure(string Id, LocalizedText Name, IReadOnlyList<FeedInitiative> Initiatives);

public sealed record FeedPolicy(
    string Id, string BasicPolicyId, LocalizedText Name, IReadOnlyList<string> IndicatorIds,
    IReadOnlyDictionary<string, int> StatusCounts, IReadOnlyList<FeedMeasure> Measures);

public sealed record FeedBasicPolicy(string Id, LocalizedText Name, IReadOnlyList<string> PolicyIds, IReadOnlyDictionary<string, int> StatusCounts);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(ProgressFeed))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
