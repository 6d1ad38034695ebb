using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Rollup;

namespace Pipeline.Publishing.Document;

/// <summary>A roll-up warning as the feed carries it: its code and its message in Japanese and English.</summary>
public sealed record FeedWarning(RollupWarningCode Code, LocalizedText Message);
