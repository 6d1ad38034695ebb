using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pipeline.Core.Json;
using Pipeline.Portal.Api.Documents;
using Pipeline.Portal.Obligations;

namespace Pipeline.Portal.Http;

/// <summary>The pipeline's JSON options (<see cref="PipelineJson.Options"/>) extended with the portal's documents.</summary>
public static class PortalJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(PipelineJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(PortalJsonContext.Default, PipelineJson.Options.TypeInfoResolver),
        };
        options.MakeReadOnly();
        return options;
    }
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
[JsonSerializable(typeof(Pipeline.Core.Ingestion.UploadReport))]
internal sealed partial class PortalJsonContext : JsonSerializerContext;
