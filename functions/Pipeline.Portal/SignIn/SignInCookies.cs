using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The two cookies of the Entra ID sign-in, both HttpOnly, Secure and data-protected: the pending sign-in (path
/// <c>/api/sign-in/entra</c>, SameSite=Lax so that it comes back with Entra ID's top-level redirect, ten minutes) and
/// the
/// session (path <c>/</c>, SameSite=Lax, <c>Portal:SessionLifetime</c>). Expiry is inside the protected value and
/// checked against the injected clock, so a replayed old cookie is refused even if a browser kept it.
/// </summary>
public sealed class SignInCookies(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string PendingCookie = "pipeline-entra-signin";
    public const string SessionCookie = "pipeline-session";
    private const string PendingPath = "/api/sign-in/entra";

    private readonly IDataProtector _pending = protection.CreateProtector("Pipeline.Portal.SignIn.Pending.v1");
    private readonly IDataProtector _session = protection.CreateProtector("Pipeline.Portal.SignIn.Session.v1");

    public void WritePending(HttpResponse response, PendingSignIn pending) =>
        response.Cookies.Append(PendingCookie, Protect(_pending, pending), Options(PendingPath, pending.ExpiresAt));

    /// <summary>The pending sign-in of this browser, or null when absent, tampered with or expired.</summary>
    public PendingSignIn? ReadPending(HttpRequest request) =>
        Unprotect<PendingSignIn>(_pending, request.Cookies[PendingCookie]) is { } p && p.ExpiresAt > clock.GetUtcNow()
            ? p : null;

    public void ClearPending(HttpResponse response) =>
        response.Cookies.Delete(PendingCookie, Options(PendingPath, null));

    public void WriteSession(HttpResponse response, PortalSession session) =>
        response.Cookies.Append(SessionCookie, Protect(_session, session), Options("/", session.ExpiresAt));

    /// <summary>The session of this browser, or null when absent, tampered with or expired.</summary>
    public PortalSession? ReadSession(HttpRequest request) =>
        Unprotect<PortalSession>(_session, request.Cookies[SessionCookie]) is { } s && s.ExpiresAt > clock.GetUtcNow()
            ? s : null;

    public void ClearSession(HttpResponse response) => response.Cookies.Delete(SessionCookie, Options("/", null));

    private static CookieOptions Options(string path, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };

    private static string Protect<T>(IDataProtector protector, T value) =>
        protector.Protect(JsonSerializer.Serialize(value, PipelineJson.TypeInfo<T>(SignInJson.Options)));

    private static T? Unprotect<T>(IDataProtector protector, string? value) where T : class
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(protector.Unprotect(value),
                PipelineJson.TypeInfo<T>(SignInJson.Options));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Tampered with, or protected by a key this app no longer has: the same as no cookie (sign in again).
            return null;
        }
    }
}
