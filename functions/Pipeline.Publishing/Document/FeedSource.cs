namespace Pipeline.Publishing.Document;

/// <summary>
/// Where a published fiscal-year value came from (RULES.md §8): the department and the accepted
/// uploads whose rows make it up, with the times they were received (UTC). File names are never published.
/// </summary>
public sealed record FeedSource(string DepartmentId, IReadOnlyList<string> UploadIds, IReadOnlyList<DateTimeOffset> ReceivedAt);
