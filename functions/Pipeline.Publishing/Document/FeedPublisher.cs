using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedPublisher(LocalizedText Name, string LocalGovernmentCode,
    IReadOnlyList<LocalizedText> Partners);
