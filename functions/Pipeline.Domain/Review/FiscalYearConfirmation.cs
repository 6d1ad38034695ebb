using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Review;

/// <summary>
/// Where a fiscal year of a plan stands (RULES.md §14): <see cref="Confirmed"/> (確定) since <see cref="ConfirmedAt"/>;
/// <see cref="FirstConfirmedAt"/> is when it was confirmed the first time, from which on every change is listed as
/// after confirmation, reopened or not. A reopened year keeps the reason it was reopened with.
/// </summary>
public sealed record FiscalYearConfirmation(
    FiscalYear FiscalYear,
    bool Confirmed,
    DateTimeOffset? FirstConfirmedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? ReopenedAt = null,
    string? ReopenReason = null);
