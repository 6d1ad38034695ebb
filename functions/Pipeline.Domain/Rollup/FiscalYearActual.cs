using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// An indicator's value for one fiscal year, with its ward breakdown; <see cref="MonthsReported"/> is
/// the months the value covers where it was reported by month (null for an annual value).
/// </summary>
public sealed record FiscalYearActual(
    FiscalYear FiscalYear, decimal? Value, bool Partial, IReadOnlyList<AreaValue> Areas, IReadOnlyList<RollupWarning> Warnings,
    int? MonthsReported = null);
