using System.Text.Json.Serialization;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>The index of the plans published (RULES.md §7), <c>feeds/v1/index.json</c>.</summary>
public sealed record PlanIndexDocument(
    string SchemaVersion, DateTimeOffset GeneratedAt, FeedPublisher? Publisher, IReadOnlyList<PlanIndexEntry> Plans);

/// <summary>One published plan: its period, status, indicators per status and where its files are.</summary>
public sealed record PlanIndexEntry(
    string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, PlanStatus Status,
    IReadOnlyDictionary<string, int> StatusCounts, PlanIndexLinks Links);

/// <summary>A plan's files, relative to index.json.</summary>
public sealed record PlanIndexLinks(string Json, string Csv, string Datapackage, string Dashboard);

/// <summary>Type information for the index; the options are <see cref="FeedJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanIndexDocument))]
[JsonSerializable(typeof(PlanIndexEntry))]
internal sealed partial class PlanIndexJsonContext : JsonSerializerContext;
