using Microsoft.AspNetCore.Http;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The portal's public origin (docs/portal.md): <c>Portal:PublicOrigin</c> where a proxy, Front Door or a custom
/// domain stands in front of the app, otherwise the request's own scheme and host. The redirect URIs are made from it,
/// and a state-changing request made by the portal's own script must come from it.
/// </summary>
public static class PortalOrigin
{
    /// <summary>The origin the redirect URIs are made from.</summary>
    public static Uri Of(PortalAccessOptions options, HttpRequest request) =>
        options.PublicOrigin ?? Own(request);

    /// <summary>
    /// Whether the request's <c>Origin</c> header names the portal's public origin or the request's own: browsers send
    /// it with every POST made by a script (the Fetch standard), and a page of another site cannot forge it. A request
    /// without one, or with <c>null</c>, is not the portal's page.
    /// </summary>
    public static bool SentFromPortal(PortalAccessOptions options, HttpRequest request)
    {
        var sent = request.Headers.Origin.ToString();
        if (!Uri.TryCreate(sent, UriKind.Absolute, out var origin) || origin.AbsolutePath != "/" || sent.EndsWith('/'))
        {
            return false;
        }

        return Same(origin, Own(request)) || (options.PublicOrigin is { } configured && Same(origin, configured));
    }

    private static Uri Own(HttpRequest request) => new($"{request.Scheme}://{request.Host}");

    private static bool Same(Uri left, Uri right) =>
        Uri.Compare(left, right, UriComponents.SchemeAndServer, UriFormat.UriEscaped,
            StringComparison.OrdinalIgnoreCase) == 0;
}
