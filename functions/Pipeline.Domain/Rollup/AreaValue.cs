using Pipeline.Domain.Observations;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// One area's value in a fiscal year; <see cref="MonthsReported"/> is null for an annual value. <see cref="Flag"/>
/// and <see cref="Note"/> are what the department wrote beside the value (RULES.md §13): a value summed over
/// months carries the weightiest of their flags and each of their notes.
/// </summary>
public sealed record AreaValue(
    string Code, decimal Value, decimal? Numerator, decimal? Denominator, bool Partial, int? MonthsReported = null)
{
    /// <summary>速報値, 推計 or 定義変更, or null for a final figure.</summary>
    public ValueFlag? Flag { get; init; }

    /// <summary>The department's note (備考), or null.</summary>
    public string? Note { get; init; }
}
