using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The tenant's OpenID Connect metadata (issuer, endpoints, JWKS signing keys), read through the Entra ID client's
/// Polly policies and cached; shared by the bearer-token path and the browser sign-in so both trust the same keys.
/// HTTPS is required except for a loopback provider (tests).
/// </summary>
public sealed class EntraMetadata
{
    public EntraMetadata(IOptions<PortalAccessOptions> options, IHttpClientFactory clients)
    {
        var instance = options.Value.Instance;
        var retriever = new HttpDocumentRetriever(clients.CreateClient(nameof(EntraTokenClient)))
        {
            RequireHttps = !IsLoopback(instance),
        };
        Manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(options.Value.Authority + "/.well-known/openid-configuration").ToString(),
                new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>The cached metadata, refreshed as the configuration manager decides (and on an unknown signing
    /// key).</summary>
    public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
