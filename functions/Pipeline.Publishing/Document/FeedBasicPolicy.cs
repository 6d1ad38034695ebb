using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedBasicPolicy(string Id, LocalizedText Name, IReadOnlyList<string> PolicyIds, IReadOnlyDictionary<string, int> StatusCounts);
