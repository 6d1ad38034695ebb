using System.Text.Json.Serialization;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>The index of the plans published (RULES.md §7), <c>feeds/v1/index.json</c>.</summary>
public sealed record PlanIndexDocument(
    string SchemaVersion, DateTimeOffset GeneratedAt, FeedPublisher? Publisher, IReadOnlyList<PlanIndexEntry> Plans);

/// <summary>Type information for the index; the options are <see cref="FeedJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanIndexDocument))]
[JsonSerializable(typeof(PlanIndexEntry))]
internal sealed partial class PlanIndexJsonContext : JsonSerializerContext;
