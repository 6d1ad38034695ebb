using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>A basic policy, its indicators per status, and per final grade once the plan is closed (RULES.md
/// §11).</summary>
public sealed record FeedBasicPolicy(
    string Id, LocalizedText Name, IReadOnlyList<string> PolicyIds, IReadOnlyDictionary<string, int> StatusCounts,
    IReadOnlyDictionary<string, int>? FinalGradeCounts = null);
