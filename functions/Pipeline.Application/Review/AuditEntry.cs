using Pipeline.Domain.Review;

namespace Pipeline.Application.Review;

/// <summary>One action of the audit as the secretariat's page lists it (RULES.md §14): what, who, when, why.</summary>
public sealed record AuditEntry(
    ReviewActionKind Action, DateTimeOffset At, string ActorId, string ActorName, string? Reason, string? DepartmentId,
    string? UploadId, int? FiscalYear, string? IndicatorId)
{
    public static AuditEntry From(ReviewAction a) =>
        new(a.Kind, a.At, a.ActorId, a.ActorName, a.Reason, a.DepartmentId, a.UploadId, a.FiscalYear?.Value,
            a.IndicatorId);
}
