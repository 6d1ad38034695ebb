using System.Text.Json.Serialization;

namespace Pipeline.Portal.SignIn;

/// <summary>The parts of the token endpoint's answer the sign-in reads (RFC 6749 §5).</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
