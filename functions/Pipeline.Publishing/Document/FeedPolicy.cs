using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedPolicy(
    string Id, string BasicPolicyId, LocalizedText Name, IReadOnlyList<string> IndicatorIds,
    IReadOnlyDictionary<string, int> StatusCounts, IReadOnlyList<FeedMeasure> Measures);
