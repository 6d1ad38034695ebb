using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedInitiative(
    string Id, LocalizedText Name, bool Priority, IReadOnlyList<string> Owners,
        IReadOnlyList<FeedEvaluation> Evaluations);
