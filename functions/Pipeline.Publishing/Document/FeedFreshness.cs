
namespace Pipeline.Publishing.Document;

/// <summary>How fresh the feed is: the last fiscal year whose values were due, and the rule.</summary>
public sealed record FeedFreshness(int? LastDueFiscalYear, string DueRule, int OverdueIndicators);
