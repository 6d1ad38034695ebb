using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>How an indicator's monthly and ward values combine into a fiscal-year value (RULES.md §3).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<IndicatorKind>))]
public enum IndicatorKind
{
    /// <summary>A count over a period: months and wards are summed.</summary>
    Flow,
    /// <summary>A level at a point in time: the latest month is taken, wards are summed.</summary>
    Stock,
    /// <summary>A percentage: the latest month is taken, wards combine as Σnumerator / Σdenominator.</summary>
    Ratio,
}
