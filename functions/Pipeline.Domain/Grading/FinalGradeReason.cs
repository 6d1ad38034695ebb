using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Grading;

/// <summary>Why an indicator got its final grade (RULES.md §11).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<FinalGradeReason>))]
public enum FinalGradeReason
{
    /// <summary>A: the value reached the target in the indicator's direction.</summary>
    TargetReached,
    /// <summary>B: better than the baseline by more than the tolerance.</summary>
    Improved,
    /// <summary>C: within the tolerance of the baseline.</summary>
    Unchanged,
    /// <summary>D: worse than the baseline by more than the tolerance.</summary>
    Worsened,
    /// <summary>E: the plan gives no baseline value (現状値なし).</summary>
    NoBaseline,
    /// <summary>E: no complete value in either of the plan's last two fiscal years.</summary>
    NoRecentValue,
    /// <summary>E: the value was measured after the indicator's definition changed.</summary>
    DefinitionChanged,
}
