using Pipeline.Core.Catalogue;

namespace Pipeline.Core.Submissions;

/// <summary>One evaluation of an initiative for a fiscal year.</summary>
public sealed record Evaluation(string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment, SourceLocation Source);
