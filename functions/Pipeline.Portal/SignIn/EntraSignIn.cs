using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Pipeline.Portal.Access;
using Pipeline.Portal.Http;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The portal's browser sign-in with Microsoft Entra ID (docs/portal.md): the OpenID
/// Connect authorization-code flow with PKCE, done by these handlers so that the Functions app and <c>pipeline
/// serve</c>
/// run the same code (the Functions host has no ASP.NET Core authentication middleware to intercept a callback path).
/// The result is a protected session cookie that <see cref="PortalAccess"/> reads; <see cref="EntraSignOut"/> ends it.
/// </summary>
public sealed class EntraSignIn(
    IOptions<PortalAccessOptions> options, EntraMetadata metadata, EntraTokenClient tokens, SignInCookies cookies,
        TimeProvider clock)
{
    /// <summary>Where the browser starts signing in.</summary>
    public const string StartPath = "/api/sign-in/entra";

    /// <summary>The redirect URI's path, registered on the app registration (Web platform).</summary>
    public const string CallbackPath = "/api/sign-in/entra/callback";

    /// <summary>Where a signed-in person lands.</summary>
    public const string PortalPath = "/api/portal/";

    private readonly PortalAccessOptions _options = options.Value;

    /// <summary><c>GET /api/sign-in/entra</c>: a redirect to the tenant's authorization endpoint with state, nonce and
    /// an S256 challenge.</summary>
    public async Task<IResult> StartAsync(HttpContext context)
    {
        if (!_options.OffersEntraSignIn)
        {
            return Problems.NotFound("Entra ID サインインは設定されていません。", "Entra ID sign-in is not configured here.");
        }

        var configuration = await metadata.Manager.GetConfigurationAsync(context.RequestAborted);
        var pending = PendingSignIn.Create(clock.GetUtcNow());
        cookies.WritePending(context.Response, pending);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = _options.ClientId,
            ["response_type"] = "code",
            ["response_mode"] = "query",
            ["redirect_uri"] = RedirectUri(context.Request).ToString(),
            ["scope"] = "openid profile",
            ["state"] = pending.State,
            ["nonce"] = pending.Nonce,
            ["code_challenge"] = pending.Challenge,
            ["code_challenge_method"] = "S256",
        });
        return Results.Redirect(configuration.AuthorizationEndpoint + query);
    }

    /// <summary>
    /// <c>GET /api/sign-in/entra/callback</c>: checks the state, redeems the code, validates the id_token (issuer,
    /// audience, signature, lifetime, nonce), sets the session cookie and sends the person to the portal; 401
    /// otherwise.
    /// </summary>
    public async Task<IResult> CallbackAsync(HttpContext context)
    {
        var pending = cookies.ReadPending(context.Request);
        cookies.ClearPending(context.Response);
        var query = context.Request.Query;
        if (!_options.OffersEntraSignIn)
        {
            return Problems.NotFound("Entra ID サインインは設定されていません。", "Entra ID sign-in is not configured here.");
        }

        if (pending is null)
        {
            return Problems.SignInRefused("サインインの有効期限が切れたか、別のブラウザーで始められました。もう一度サインインしてください。",
                "The sign-in expired or was started in another browser; sign in again.");
        }

        if (!string.IsNullOrEmpty(query["error"]))
        {
            return Problems.SignInRefused("Entra ID がサインインを完了しませんでした。",
                $"Entra ID did not complete the sign-in ({query["error"]}).");
        }

        if (!SameSecret(query["state"], pending.State) || string.IsNullOrEmpty(query["code"]))
        {
            return Problems.SignInRefused("サインインの応答がこのブラウザーの要求と一致しません。",
                "The sign-in answer does not match this browser's request.");
        }

        var configuration = await metadata.Manager.GetConfigurationAsync(context.RequestAborted);
        var answer =
            await tokens.RedeemAsync(new Uri(configuration.TokenEndpoint), _options.ClientId!, _options.ClientSecret!,
                query["code"]!,
            pending.Verifier, RedirectUri(context.Request), context.RequestAborted);
        if (answer.IdToken is null)
        {
            return Problems.SignInRefused("サインインのコードを引き換えられませんでした。",
                $"The sign-in code was not redeemed ({answer.Error}).");
        }

        var validated = await ValidateAsync(answer.IdToken, configuration);
        if (!validated.IsValid || !SameSecret(validated.ClaimsIdentity.FindFirst("nonce")?.Value, pending.Nonce))
        {
            return Problems.SignInRefused("ID トークンを受け付けられません。",
                "The id_token is not accepted (issuer, audience, signature, lifetime or nonce).");
        }

        var identity = validated.ClaimsIdentity;
        var id = identity.FindFirst("oid")?.Value ?? "";
        if (id.Length == 0)
        {
            return Problems.SignInRefused("ID トークンに利用者の ID (oid) がありません。", "The id_token has no object id (oid).");
        }

        var mapped = _options.Groups.Select(g => g.GroupId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = identity.FindAll("groups").Select(c => c.Value).Where(mapped.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var name = identity.FindFirst("name")?.Value ?? identity.FindFirst("preferred_username")?.Value ?? id;
        var session =
            new PortalSession(id, name, groups, clock.GetUtcNow() + _options.SessionLifetime,
                identity.FindFirst("login_hint")?.Value);
        cookies.WriteSession(context.Response, session);
        return Results.Redirect(PortalPath);
    }

    /// <summary>The redirect URI: <c>Portal:PublicOrigin</c> (or the request's origin, <see cref="PortalOrigin"/>) and
    /// <see cref="CallbackPath"/>.</summary>
    public Uri RedirectUri(HttpRequest request) => new(PortalOrigin.Of(_options, request), CallbackPath);

    private async Task<TokenValidationResult> ValidateAsync(string idToken, OpenIdConnectConfiguration configuration)
    {
        var handler = new JsonWebTokenHandler();
        var result = await handler.ValidateTokenAsync(idToken, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The tenant rolled its keys since the metadata was read: read it again once.
            metadata.Manager.RequestRefresh();
            result =
                await handler.ValidateTokenAsync(idToken,
                    Parameters(await metadata.Manager.GetConfigurationAsync(CancellationToken.None)));
        }

        return result;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration)
    {
        var parameters = EntraTokenRules.Parameters(EntraTokenRules.IdTokenAudiences(_options), clock);
        parameters.ValidIssuer = configuration.Issuer;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        return parameters;
    }

    private static bool SameSecret(string? received, string expected) =>
        received is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received),
                Encoding.UTF8.GetBytes(expected));
}
