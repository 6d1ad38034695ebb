using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Pipeline.Domain.Json;
using Pipeline.Portal.Settings;
using Pipeline.Portal.Http;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// <c>POST /api/sign-out</c> (docs/portal.md): ends the portal session and, with OpenID Connect RP-Initiated
/// Logout 1.0, the tenant's Entra ID session too, so that on a shared computer the next person is not signed straight
/// back in as the previous one. Accepted only from the portal's own page (<see cref="PortalOrigin.SentFromPortal"/>).
/// </summary>
public sealed partial class EntraSignOut(
    IOptions<PortalAccessOptions> options, EntraMetadata metadata, SignInCookies cookies, ILogger<EntraSignOut> logger)
{
    /// <summary>Where the browser lands after signing out; registered on the app registration as a redirect
    /// URI.</summary>
    public const string SignedOutPath = "/api/portal/signed-out.html";

    private readonly PortalAccessOptions _options = options.Value;

    /// <summary>
    /// 403 when not sent from the portal's page; otherwise clears the session cookie and answers 200 with the
    /// <see cref="SignOutDocument.Redirect"/> the page follows: the tenant's <c>end_session_endpoint</c> with
    /// <c>client_id</c>, <c>post_logout_redirect_uri</c> and, when known, <c>logout_hint</c>; or the signed-out page
    /// where sign-in is not Entra ID's or the tenant names no end-session endpoint. 502 (the cookie cleared all the
    /// same) when the tenant's metadata cannot be read.
    /// </summary>
    public async Task<IResult> SignOutAsync(HttpContext context)
    {
        if (!PortalOrigin.SentFromPortal(_options, context.Request))
        {
            return Problems.CrossOriginRefused();
        }

        var session = cookies.ReadSession(context.Request);
        cookies.ClearSession(context.Response);
        if (!_options.OffersEntraSignIn)
        {
            return SendTo(SignedOutPath);
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.Manager.GetConfigurationAsync(context.RequestAborted);
        }
        catch (InvalidOperationException exception)
        {
            // The configuration manager's answer when the metadata was never read and cannot be now: the person is
            // told that the Entra ID session remains; the cause is logged for the operator.
            MetadataUnavailable(logger, exception);
            return Problems.SignOutIncomplete();
        }

        if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
        {
            return SendTo(SignedOutPath);
        }

        var query = new Dictionary<string, string?>
        {
            ["client_id"] = _options.ClientId,
            ["post_logout_redirect_uri"] = new Uri(PortalOrigin.Of(_options, context.Request), SignedOutPath)
                .ToString(),
        };
        if (!string.IsNullOrEmpty(session?.LogoutHint))
        {
            query["logout_hint"] = session.LogoutHint;
        }

        return SendTo(QueryHelpers.AddQueryString(configuration.EndSessionEndpoint, query));
    }

    private static IResult SendTo(string redirect) =>
        Results.Json(new SignOutDocument(redirect), PipelineJson.TypeInfo<SignOutDocument>(SignInJson.Options),
            "application/json; charset=utf-8");

    [LoggerMessage(Level = LogLevel.Error, Message =
        "The tenant's OpenID Connect metadata could not be read to end the Entra ID session at sign-out")]
    private static partial void MetadataUnavailable(ILogger logger, Exception exception);
}
