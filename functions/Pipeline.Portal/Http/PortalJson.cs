using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pipeline.Portal.Api.Documents;
using Pipeline.Application.Obligations;
using Pipeline.Application.Reports;
using Pipeline.Domain.Json;
using Pipeline.Publishing.Document;

namespace Pipeline.Portal.Http;

/// <summary>The pipeline's JSON options (<see cref="PipelineJson"/>) extended with the portal's documents.</summary>
public static class PortalJson
{
    public static readonly JsonSerializerOptions Options = PipelineJson.CreateOptions(
        PortalJsonContext.Default, ReportJson.Options.TypeInfoResolver!, FeedJson.Options.TypeInfoResolver!);
}

/// <summary>Type information of the portal's documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(MeDocument))]
[JsonSerializable(typeof(SignInDocument))]
[JsonSerializable(typeof(SignOutDocument))]
[JsonSerializable(typeof(DevelopmentSignInRequest))]
[JsonSerializable(typeof(Pipeline.Portal.SignIn.PendingSignIn))]
[JsonSerializable(typeof(Pipeline.Portal.SignIn.PortalSession))]
[JsonSerializable(typeof(Pipeline.Portal.SignIn.TokenResponse))]
[JsonSerializable(typeof(UploadAcceptedDocument))]
[JsonSerializable(typeof(UploadHistoryDocument))]
[JsonSerializable(typeof(ObligationsDocument))]
[JsonSerializable(typeof(Pipeline.Application.Reports.UploadReport))]
internal sealed partial class PortalJsonContext : JsonSerializerContext;
