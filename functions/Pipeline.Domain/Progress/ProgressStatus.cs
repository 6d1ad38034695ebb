using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Progress;

/// <summary>Where an indicator stands (RULES.md §4).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ProgressStatus>))]
public enum ProgressStatus
{
    NoData,
    Achieved,
    OnTrack,
    Behind,
    Deteriorated,
}
