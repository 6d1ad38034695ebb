using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Observations;

/// <summary>An initiative's yearly evaluation: A 順調, B 概ね順調, C 遅れ, D 未着手.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Rating>))]
public enum Rating
{
    [JsonStringEnumMemberName("A")]
    A,
    [JsonStringEnumMemberName("B")]
    B,
    [JsonStringEnumMemberName("C")]
    C,
    [JsonStringEnumMemberName("D")]
    D,
}
