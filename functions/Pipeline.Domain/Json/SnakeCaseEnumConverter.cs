using System.Text.Json.Serialization;

namespace Pipeline.Domain.Json;

/// <summary>
/// An enum written and read by its snake_case name (<see cref="PipelineJson.EnumNaming"/>: <c>OnTrack</c> →
/// <c>on_track</c>), never as a number. Every public enum carries it
/// (<c>[JsonConverter(typeof(SnakeCaseEnumConverter&lt;TEnum&gt;))]</c>): the generic converter is compiled ahead of
/// time for its one enum, where a converter factory for any enum needs code generated at run time (Native AOT).
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(
    PipelineJson.EnumNaming, allowIntegerValues: false)
    where TEnum : struct, Enum;
