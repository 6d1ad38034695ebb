using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>One evaluation of an initiative for a fiscal year.</summary>
public sealed record Evaluation(string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment,
    SourceLocation Source);
