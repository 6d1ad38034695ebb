using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Reports;

/// <summary>The <see cref="PipelineJson"/> options of the upload reports.</summary>
public static class ReportJson
{
    /// <summary>The options; their type information comes from the report's source-generated context.</summary>
    public static readonly JsonSerializerOptions Options = PipelineJson.CreateOptions(ReportJsonContext.Default);

    /// <summary>The type information for <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
