using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// An indicator's value for one fiscal year, with its ward breakdown; <see cref="MonthsReported"/> is
/// the months the value covers where it was reported by month (null for an annual value).
/// </summary>
public sealed record FiscalYearActual(
    FiscalYear FiscalYear, decimal? Value, bool Partial, IReadOnlyList<AreaValue> Areas,
    IReadOnlyList<RollupWarning> Warnings, int? MonthsReported = null)
{
    /// <summary>
    /// The flag of the value (RULES.md §13): the whole-city row's where one was given, else the weightiest of the
    /// wards' flags.
    /// </summary>
    public ValueFlag? Flag { get; init; }

    /// <summary>The whole-city row's note (備考), where one was given.</summary>
    public string? Note { get; init; }
}
