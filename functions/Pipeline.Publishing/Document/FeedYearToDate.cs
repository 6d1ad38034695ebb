using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>The fiscal year in progress, or a monthly flow with months missing (RULES.md §4): shown, never a
/// status.</summary>
public sealed record FeedYearToDate(int FiscalYear, decimal Value, int? MonthsReported);
