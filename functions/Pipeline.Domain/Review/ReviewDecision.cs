using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Review;

/// <summary>The secretariat's decision on an upload waiting for review (RULES.md §14).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReviewDecision>))]
public enum ReviewDecision
{
    /// <summary>承認: published by the next aggregation.</summary>
    Approve,

    /// <summary>差戻し: never published; the department sees the comment and uploads again.</summary>
    Return,
}
