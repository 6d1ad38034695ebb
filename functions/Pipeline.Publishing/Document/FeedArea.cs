using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedArea(string Code, LocalizedText Name, decimal Value, bool Partial);
