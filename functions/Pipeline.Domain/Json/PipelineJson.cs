using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Pipeline.Domain.Json;

/// <summary>
/// The one JSON policy of every document the pipeline writes (the feed, the index, the upload reports, the
/// portal's answers): camelCase properties, enums as snake_case strings (<c>on_track</c>,
/// <c>target_achieved</c>, by <see cref="SnakeCaseEnumConverter{TEnum}"/> on each enum), readable Japanese (markup
/// characters &lt; &gt; &amp; ' are still escaped), indented. Each layer makes its options from this policy with its
/// own source-generated contexts, and serialises through <see cref="TypeInfo{T}"/> (no reflection: Native AOT).
/// </summary>
public static class PipelineJson
{
    /// <summary>How enum values are named in every document and CSV: <c>OnTrack</c> → <c>on_track</c>.</summary>
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.SnakeCaseLower;

    /// <summary>The name an enum value is written under, the same everywhere it is written.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        EnumNaming.ConvertName(value.ToString());

    /// <summary>Read-only options of the policy whose type information comes from <paramref
    /// name="resolvers"/>.</summary>
    public static JsonSerializerOptions CreateOptions(params IJsonTypeInfoResolver[] resolvers)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The source-generated type information of <typeparamref name="T"/> in <paramref name="options"/>
    /// (made by <see cref="CreateOptions"/>); throws where no context of the options knows the type.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
