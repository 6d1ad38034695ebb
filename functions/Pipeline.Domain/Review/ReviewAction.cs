using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Review;

/// <summary>
/// One action of the audit (RULES.md §14): what was done, by whom (the person's object id and name, kept in Table
/// Storage and shown in the portal, never published), when, why, and what it concerned: an upload of a department,
/// a fiscal year, or an indicator's commentary.
/// </summary>
public sealed record ReviewAction(
    ReviewActionKind Kind,
    string PlanId,
    string ActorId,
    string ActorName,
    DateTimeOffset At,
    string? Reason = null,
    string? DepartmentId = null,
    string? UploadId = null,
    FiscalYear? FiscalYear = null,
    string? IndicatorId = null)
{
    /// <summary>Longest reason or comment kept, in characters.</summary>
    public const int MaxReasonLength = 2000;
}
