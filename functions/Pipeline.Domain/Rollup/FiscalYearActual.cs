using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// An indicator's value for one fiscal year, with its ward breakdown; <see cref="MonthsReported"/> is
/// the months the value covers where it was reported by month (null for an annual value). <see cref="Partial"/>
/// says months or wards are missing; <see cref="WardsMissing"/> that the value is a sum over some wards only (no
/// whole-city value), which no headline may come from (RULES.md §4).
/// </summary>
public sealed record FiscalYearActual(
    FiscalYear FiscalYear, decimal? Value, bool Partial, IReadOnlyList<AreaValue> Areas,
    IReadOnlyList<RollupWarning> Warnings, int? MonthsReported = null, bool WardsMissing = false)
{
    /// <summary>
    /// The flag of the value (RULES.md §13): the whole-city row's where one was given, else the weightiest of the
    /// wards' flags.
    /// </summary>
    public ValueFlag? Flag { get; init; }

    /// <summary>The whole-city row's note (備考), where one was given.</summary>
    public string? Note { get; init; }
}
