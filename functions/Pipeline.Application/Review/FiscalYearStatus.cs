namespace Pipeline.Application.Review;

/// <summary>
/// One fiscal year of the plan on the secretariat's page (RULES.md §14): whether it is confirmed, since when, and
/// where it was reopened, when and why.
/// </summary>
public sealed record FiscalYearStatus(
    int FiscalYear, bool Confirmed, DateTimeOffset? ConfirmedAt, DateTimeOffset? FirstConfirmedAt,
    DateTimeOffset? ReopenedAt, string? ReopenReason);
