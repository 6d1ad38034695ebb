using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Review;

/// <summary>
/// The confirmations of a plan's fiscal years, as the ingestion and the revisions ask about them (RULES.md §14).
/// </summary>
public sealed class ConfirmedYears(IEnumerable<FiscalYearConfirmation> confirmations)
{
    private readonly Dictionary<FiscalYear, FiscalYearConfirmation> _years =
        confirmations.ToDictionary(c => c.FiscalYear);

    /// <summary>No year confirmed, ever.</summary>
    public static ConfirmedYears None { get; } = new([]);

    /// <summary>Whether the year is confirmed now: an upload touching it needs the secretariat's approval.</summary>
    public bool IsConfirmed(FiscalYear year) => _years.TryGetValue(year, out var c) && c.Confirmed;

    /// <summary>
    /// Whether a change of the year published at <paramref name="publishedAt"/> came after the year was first
    /// confirmed (listed as <c>after_confirmation</c> in revisions.csv, reopened since or not).
    /// </summary>
    public bool IsAfterConfirmation(FiscalYear year, DateTimeOffset publishedAt) =>
        _years.TryGetValue(year, out var c) && c.FirstConfirmedAt is { } first && publishedAt > first;
}
