using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.Access;

/// <summary>How a person signed in.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SignInSource>))]
public enum SignInSource
{
    /// <summary>App Service Authentication, read from its header (trusted by configuration only).</summary>
    Platform,
    /// <summary>An Entra ID access token validated by the app.</summary>
    EntraToken,
    /// <summary>The browser session made by the portal's Entra ID sign-in (authorization code with PKCE).</summary>
    EntraSession,
    /// <summary>The development sign-in of <c>pipeline serve</c> (Development environment only).</summary>
    Development,
}
