using System.Text.Json.Serialization;
using Pipeline.Domain.Catalogue;

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

/// <summary>Type information for the feed; the options are <see cref="FeedJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProgressFeed))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
