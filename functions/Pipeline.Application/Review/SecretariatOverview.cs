namespace Pipeline.Application.Review;

/// <summary>
/// <c>GET /api/plans/{planId}/overview</c> (RULES.md §14): every department's obligations and counts, the fiscal
/// years and their confirmations, and the latest actions of the audit (with the people: the portal only).
/// </summary>
public sealed record SecretariatOverview(
    string PlanId,
    bool Review,
    DateTimeOffset AsOf,
    IReadOnlyList<DepartmentOverview> Departments,
    IReadOnlyList<FiscalYearStatus> FiscalYears,
    IReadOnlyList<AuditEntry> RecentActions);
