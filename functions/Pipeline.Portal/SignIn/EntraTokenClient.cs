using System.Net.Http.Json;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The typed client of Entra ID's token endpoint (its Polly policies are set in <see cref="PortalHostExtensions"/>):
/// redeems an authorization code with the PKCE verifier and the app's client secret.
/// </summary>
public sealed class EntraTokenClient(HttpClient http)
{
    /// <summary>The token endpoint's answer; an OAuth error (such as <c>invalid_grant</c>) comes back in the record,
    /// not as an exception.</summary>
    public async Task<TokenResponse> RedeemAsync(
        Uri tokenEndpoint, string clientId, string clientSecret, string code, string verifier, Uri redirectUri,
            CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri.ToString(),
            ["scope"] = "openid profile",
        });
        using var response = await http.PostAsync(tokenEndpoint, form, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync(
            PipelineJson.TypeInfo<TokenResponse>(SignInJson.Options), cancellationToken);
        return body ?? new TokenResponse(null, "empty_response", $"HTTP {(int)response.StatusCode}");
    }
}
