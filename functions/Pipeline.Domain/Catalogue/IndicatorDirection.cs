using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>Which way an indicator should move (RULES.md §4).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<IndicatorDirection>))]
public enum IndicatorDirection
{
    /// <summary>Higher is better: the target lies above the baseline.</summary>
    Increase,
    /// <summary>Lower is better (waiting lists, suicides, isolation): reaching the target means falling to
    /// it.</summary>
    Decrease,
}
