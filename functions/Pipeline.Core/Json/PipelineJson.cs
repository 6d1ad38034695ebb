using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Pipeline.Core.Json;

/// <summary>
/// The one set of JSON options for every document the pipeline writes (the feed, the upload reports):
/// camelCase properties, enums as snake_case strings (<c>on_track</c>, <c>target_achieved</c>), readable
/// Japanese (markup characters &lt; &gt; &amp; ' are still escaped), indented.
/// </summary>
public static class PipelineJson
{
    /// <summary>How enum values are named in every document and CSV: <c>OnTrack</c> → <c>on_track</c>.</summary>
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.SnakeCaseLower;

    /// <summary>The options; their type information comes from the source-generated contexts.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The name an enum value is written under, the same everywhere it is written.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        EnumNaming.ConvertName(value.ToString());

    /// <summary>The type information for <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = JsonTypeInfoResolver.Combine(Feed.FeedJsonContext.Default, Ingestion.ReportJsonContext.Default, Feed.PlanIndexJsonContext.Default),
        };
        options.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
