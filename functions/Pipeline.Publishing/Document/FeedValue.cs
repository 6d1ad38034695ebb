using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

public sealed record FeedValue(int FiscalYear, decimal? Value);
