using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Publication;

/// <summary>
/// One plan's work, as the nightly timer puts it on the queue <c>plan-aggregation</c>: the plan, why it
/// needs work (<see cref="PlanReason"/>, snake_case as <see cref="PipelineJson"/> names it) and when that was decided.
/// <see cref="Force"/> recomputes even
/// when nothing changed; a delivery after the plan was computed since <see cref="DecidedAt"/> does nothing.
/// </summary>
public sealed record PlanMessage(
    string PlanId, [property: JsonConverter(typeof(PlanReasonConverter))] PlanReason Reason, DateTimeOffset DecidedAt,
        bool Force = false)
{
    public string ToJson() => JsonSerializer.Serialize(this, PlanMessageJsonContext.Default.PlanMessage);

    /// <summary>Reads a queue message; a message that is not one throws <see cref="JsonException"/>.</summary>
    public static PlanMessage Parse(string json) =>
        JsonSerializer.Deserialize(json, PlanMessageJsonContext.Default.PlanMessage) is { PlanId.Length: > 0 } message
            ? message
            : throw new JsonException("The plan message has no planId.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanMessage))]
internal sealed partial class PlanMessageJsonContext : JsonSerializerContext;

/// <summary>A reason as <see cref="PipelineJson"/> writes enums: <c>upload</c>; a number is refused.</summary>
internal sealed class PlanReasonConverter()
    : JsonStringEnumConverter<PlanReason>(PipelineJson.EnumNaming, allowIntegerValues: false);
