using Microsoft.IdentityModel.Tokens;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// How Entra ID tokens are validated, the same for bearer access tokens and for the id_token of the browser sign-in:
/// issuer and signing keys from the tenant's metadata (<see cref="EntraMetadata"/>), the audience, a lifetime with two
/// minutes of clock skew checked against the injected clock, signed tokens only, claims as issued (<c>oid</c>,
/// <c>groups</c>).
/// </summary>
public static class EntraTokenRules
{
    /// <summary>The parameters for tokens addressed to <paramref name="audiences"/>.</summary>
    public static TokenValidationParameters Parameters(IReadOnlyList<string> audiences, TimeProvider clock) => new()
    {
        LifetimeValidator = (notBefore, expires, _, parameters) =>
            WithinLifetime(notBefore, expires, parameters.ClockSkew, clock.GetUtcNow().UtcDateTime),
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidAudiences = audiences,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromMinutes(2),
        NameClaimType = "name",
    };

    private static bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, DateTime now) =>
        expires is { } end && now < end.ToUniversalTime() + skew
            && (notBefore is not { } start || start.ToUniversalTime() - skew <= now);

    /// <summary>Access tokens for the API: the client id or its <c>api://</c> identifier URI.</summary>
    public static IReadOnlyList<string> ApiAudiences(PortalAccessOptions options) =>
        [options.ClientId!, $"api://{options.ClientId}"];

    /// <summary>The id_token of the browser sign-in: the client id only (OpenID Connect Core §3.1.3.7).</summary>
    public static IReadOnlyList<string> IdTokenAudiences(PortalAccessOptions options) => [options.ClientId!];
}
