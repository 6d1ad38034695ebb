using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Progress;

/// <summary>The Open SDG progress measure with a target (sdg-build ProgressMeasure, direction positive).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SdgProgress>))]
public enum SdgProgress
{
    NotAvailable,
    TargetAchieved,
    SubstantialProgress,
    ModerateProgress,
    LimitedProgress,
    Deterioration,
}
