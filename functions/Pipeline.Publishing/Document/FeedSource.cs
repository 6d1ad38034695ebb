namespace Pipeline.Publishing.Document;

/// <summary>
/// Where a published fiscal-year value came from (RULES.md §8): the department and the accepted
/// uploads whose rows make it up, with the times they were received (UTC) and, for an upload the plan secretariat
/// approved, when it did (null for one published without review; RULES.md §14). File names and people's names are
/// never published.
/// </summary>
public sealed record FeedSource(
    string DepartmentId, IReadOnlyList<string> UploadIds, IReadOnlyList<DateTimeOffset> ReceivedAt,
    IReadOnlyList<DateTimeOffset?>? ApprovedAt = null)
{
    /// <summary>Per upload, when it was approved; null for each where none was (the default).</summary>
    public IReadOnlyList<DateTimeOffset?> ApprovedAt { get; init; } =
        ApprovedAt ?? UploadIds.Select(_ => (DateTimeOffset?)null).ToList();
}
