using Pipeline.Application.Obligations;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Review;

/// <summary>
/// One department on the secretariat's page: what it owes per fiscal year, and its uploads waiting or returned.
/// </summary>
public sealed record DepartmentOverview(
    string DepartmentId, LocalizedText Name, IReadOnlyList<FiscalYearObligation> FiscalYears, int PendingUploads,
    int ReturnedUploads);
