using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The pipeline's JSON options (<see cref="PipelineJson"/>) for what the sign-in writes and reads: its cookies,
/// the token endpoint's answer and the sign-out's answer.
/// </summary>
internal static class SignInJson
{
    public static readonly JsonSerializerOptions Options = PipelineJson.CreateOptions(SignInJsonContext.Default);
}

/// <summary>Type information of the sign-in's documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PendingSignIn))]
[JsonSerializable(typeof(PortalSession))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(SignOutDocument))]
internal sealed partial class SignInJsonContext : JsonSerializerContext;
