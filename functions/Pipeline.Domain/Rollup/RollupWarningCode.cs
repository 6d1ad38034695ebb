using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Rollup;

/// <summary>What the roll-up noticed (RULES.md §4), written in the feed as its snake_case name.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RollupWarningCode>))]
public enum RollupWarningCode
{
    /// <summary><c>ward_sum_differs</c>: the wards do not add up to the whole city's figure.</summary>
    WardSumDiffers,

    /// <summary><c>wards_incomplete</c>: some wards have no figure for the year.</summary>
    WardsIncomplete,

    /// <summary><c>ratio_without_counts</c>: a ratio given without its numerator and denominator.</summary>
    RatioWithoutCounts,

    /// <summary><c>annual_and_monthly</c>: an annual figure and monthly figures for the same year and area.</summary>
    AnnualAndMonthly,
}
