using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedMeasure(string Id, LocalizedText Name, IReadOnlyList<FeedInitiative> Initiatives);
