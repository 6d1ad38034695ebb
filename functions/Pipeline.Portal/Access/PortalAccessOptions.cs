namespace Pipeline.Portal.Access;

/// <summary>Who may act (section <c>Portal</c>; README "The department portal").</summary>
public sealed class PortalAccessOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Read the signed-in person from the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header. Only where a
    /// platform in front of the app (App Service Authentication) sets it and strips what callers send; off by default.
    /// </summary>
    public bool TrustPlatformHeader { get; set; }

    /// <summary>Entra ID group object ids mapped to plan/department pairs.</summary>
    public List<GroupGrant> Groups { get; set; } = [];

    /// <summary>The Entra ID tenant whose access tokens the app validates itself (with <see cref="ClientId"/>); unset, no token is accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id: the audience of the tokens accepted.</summary>
    public string? ClientId { get; set; }

    /// <summary>Whether bearer tokens are validated in the app.</summary>
    public bool ValidatesTokens => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);
}
