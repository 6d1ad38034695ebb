using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;

namespace Pipeline.Publishing.Document;

public sealed record FeedEvaluation(int FiscalYear, Rating Rating, LocalizedText Label, string? Comment);
