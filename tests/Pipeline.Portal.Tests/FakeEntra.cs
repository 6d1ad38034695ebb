using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pipeline.Portal.Tests;

/// <summary>
/// A loopback stand-in for Entra ID (no network to login.microsoftonline.com in tests): the discovery document, a
/// JWKS with a test RSA key, and a token endpoint that checks the client secret and the PKCE verifier against the
/// challenge of the code before it issues an id_token shaped by the test (<see cref="FakeIssue"/>), an authorization
/// endpoint for a real browser that signs in at once (as Entra ID does for someone with a session) with the
/// <see cref="BrowserGroups"/>, and, when asked to
/// publish one, an <c>end_session_endpoint</c> (OpenID Connect RP-Initiated Logout 1.0) that records each visit and
/// sends the browser on to its <c>post_logout_redirect_uri</c>.
/// </summary>
internal sealed class FakeEntra : IAsyncDisposable
{
    public const string Tenant = "0f0e0d0c-0000-4000-8000-0000000000aa";
    public const string ClientId = "5c2a7b3e-0000-4000-8000-0000000000cc";
    public const string ClientSecret = "test-secret-not-a-real-one";
    public const string ObjectId = "9a9a9a9a-0000-4000-8000-0000000000ee";

    /// <summary>The opaque <c>login_hint</c> claim Entra ID puts in an id_token when the optional claim is configured.</summary>
    public const string LoginHint = "O.aHint-not-a-upn";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, FakeIssue> _codes = new();

    private FakeEntra(WebApplication app, RsaSecurityKey key, Uri instance, bool publishesEndSession)
    {
        _app = app;
        _key = key;
        Instance = instance;
        PublishesEndSession = publishesEndSession;
    }

    /// <summary>The provider's base address, the portal's <c>Portal:Instance</c>.</summary>
    public Uri Instance { get; }

    public string Issuer => $"{Instance}{Tenant}/v2.0";

    /// <summary>Whether the discovery document names an <c>end_session_endpoint</c>.</summary>
    public bool PublishesEndSession { get; }

    /// <summary>The end-session endpoint's address (served whether or not the discovery document names it).</summary>
    public string EndSessionEndpoint => $"{Instance}{Tenant}/oauth2/v2.0/logout";

    /// <summary>Each visit to the end-session endpoint, with its query.</summary>
    public ConcurrentQueue<Dictionary<string, string>> EndSessions { get; } = new();

    /// <summary>The groups of the person a real browser signs in as at the authorization endpoint.</summary>
    public string[] BrowserGroups { get; set; } = [];

    /// <summary>When set, the discovery document answers 503 (the tenant cannot be reached).</summary>
    public bool MetadataDown { get; set; }

    /// <summary>Token requests that reached the endpoint and were refused (wrong secret or verifier).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public static async Task<FakeEntra> StartAsync(bool publishesEndSession = true)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeEntra? self = null;
        app.MapGet($"/{Tenant}/v2.0/.well-known/openid-configuration", () => self!.Discovery());
        app.MapGet($"/{Tenant}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet($"/{Tenant}/oauth2/v2.0/authorize", (HttpRequest request) => self!.AuthorizeBrowser(request));
        app.MapPost($"/{Tenant}/oauth2/v2.0/token", (HttpRequest request) => self!.Token(request));
        app.MapGet($"/{Tenant}/oauth2/v2.0/logout", (HttpRequest request) => self!.EndSession(request));
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeEntra(app, key, new Uri(bound.TrimEnd('/') + "/"), publishesEndSession);
        return self;
    }

    /// <summary>Records what Entra ID would issue for a new code and returns the code.</summary>
    public string Authorize(FakeIssue issue)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = issue;
        return code;
    }

    /// <summary>A token signed with the provider's key: an id_token or, with an <c>api://</c> audience, an access token.</summary>
    public string Sign(FakeIssue issue, string? nonce)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = ObjectId,
            ["name"] = "試験 花子",
            ["groups"] = issue.Groups,
            ["tid"] = Tenant,
            ["login_hint"] = LoginHint,
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = issue.Audience,
            IssuedAt = now + issue.ExpiresIn - TimeSpan.FromHours(1),
            NotBefore = now + issue.ExpiresIn - TimeSpan.FromHours(1),
            Expires = now + issue.ExpiresIn,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private IResult Discovery()
    {
        if (MetadataDown)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var document = new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Instance}{Tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{Tenant}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{Instance}{Tenant}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        };
        if (PublishesEndSession)
        {
            document["end_session_endpoint"] = EndSessionEndpoint;
        }

        return Results.Json(document);
    }

    private IResult AuthorizeBrowser(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest();
        }

        var code = Authorize(new FakeIssue(query["nonce"].ToString(), query["code_challenge"].ToString(), ClientId, TimeSpan.FromMinutes(60), BrowserGroups));
        return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"].ToString(),
            new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private IResult EndSession(HttpRequest request)
    {
        EndSessions.Enqueue(request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal));
        var back = request.Query["post_logout_redirect_uri"].ToString();
        return back.Length > 0 ? Results.Redirect(back) : Results.Text("signed out");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var verifier = form["code_verifier"].ToString();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_codes.TryRemove(form["code"].ToString(), out var issue) || issue.Challenge != challenge)
        {
            Refusals.Enqueue(form["code"].ToString());
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: 400);
        }

        return Results.Json(new Dictionary<string, string> { ["id_token"] = Sign(issue, issue.Nonce), ["token_type"] = "Bearer" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
