using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// A sign-in under way, kept in a short-lived protected cookie between the redirect to Entra ID and the callback:
/// the <c>state</c> that ties the callback to this browser, the <c>nonce</c> the id_token must carry, and the PKCE
/// code verifier (RFC 7636) whose S256 challenge went out with the redirect.
/// </summary>
public sealed record PendingSignIn(string State, string Nonce, string Verifier, DateTimeOffset ExpiresAt)
{
    /// <summary>How long a person has to finish signing in at Entra ID.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Fresh random values (256 bits each) for one sign-in.</summary>
    public static PendingSignIn Create(DateTimeOffset now) =>
        new(Random(), Random(), Random(), now + Lifetime);

    /// <summary>The PKCE <c>code_challenge</c>: base64url(SHA-256(verifier)).</summary>
    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
