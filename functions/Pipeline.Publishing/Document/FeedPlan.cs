using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedPlan(
    string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, FeedPublisher Publisher,
    PlanStatus Status, IReadOnlyList<Organisation> Organisations);
