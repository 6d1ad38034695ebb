namespace Pipeline.Portal.Settings;

/// <summary>Who may act (section <c>Portal</c>; docs/portal.md).</summary>
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

    /// <summary>The Entra ID tenant whose access tokens the app validates itself (with <see cref="ClientId"/>); unset,
    /// no token is accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id: the audience of the tokens accepted.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The app registration's client secret, used only to redeem sign-in codes at the token endpoint. From
    /// configuration
    /// (a Key Vault reference in Azure), never from the repository; unset, the browser sign-in is not offered.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>The Entra ID sign-in host; tests point it at a loopback provider.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>
    /// The public origin of the portal (such as <c>https://func-x.azurewebsites.net</c>) from which the redirect URI
    /// <c>/api/sign-in/entra/callback</c> and the post-logout redirect URI <c>/api/portal/signed-out.html</c> are made,
    /// and which a sign-out's <c>Origin</c> may name; unset, the request's own scheme and host (<c>infra/</c> sets it).
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>How long a browser session lasts after sign-in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether bearer tokens are validated in the app.</summary>
    public bool ValidatesTokens => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Whether the browser sign-in (authorization code with PKCE) is offered.</summary>
    public bool OffersEntraSignIn => ValidatesTokens && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The tenant's v2.0 authority, such as <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public Uri Authority => new(Instance, $"{TenantId}/v2.0");
}
