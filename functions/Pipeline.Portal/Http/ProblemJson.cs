using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Application.Reports;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.Http;

/// <summary>The pipeline's JSON options (<see cref="PipelineJson"/>) for the portal's problem documents.</summary>
internal static class ProblemJson
{
    public static readonly JsonSerializerOptions Options =
        PipelineJson.CreateOptions(ProblemJsonContext.Default, ReportJson.Options.TypeInfoResolver!);
}

/// <summary>Type information of the problem documents (a rejected upload's carries its report).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(UploadReport))]
internal sealed partial class ProblemJsonContext : JsonSerializerContext;
