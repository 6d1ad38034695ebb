using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Publication;

/// <summary>Why handling a plan's message recomputed nothing.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PlanSkip>))]
public enum PlanSkip
{
    /// <summary>The plan is not in the plan set (any more); its message is dropped.</summary>
    NotServed,

    /// <summary>Nothing the feed depends on changed since it was last computed.</summary>
    UpToDate,
}
