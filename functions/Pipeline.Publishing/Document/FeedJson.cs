using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Pipeline.Domain.Json;

namespace Pipeline.Publishing.Document;

/// <summary>The <see cref="PipelineJson"/> options of the published documents: the feed and the index of
/// plans.</summary>
public static class FeedJson
{
    /// <summary>The options; their type information comes from the feed's and the index's source-generated
    /// contexts.</summary>
    public static readonly JsonSerializerOptions Options =
        PipelineJson.CreateOptions(FeedJsonContext.Default, PlanIndexJsonContext.Default);

    // The writer's side of Options: a node written with them reads as node.ToJsonString(Options).
    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = Options.Encoder, Indented = Options.WriteIndented };

    /// <summary>Writes <paramref name="node"/> to <paramref name="output"/> (UTF-8, no BOM), left open.</summary>
    public static void Write(JsonNode node, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        node.WriteTo(writer, Options);
    }

    /// <summary>The type information for <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
