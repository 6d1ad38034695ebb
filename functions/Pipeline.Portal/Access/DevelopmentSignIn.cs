using Microsoft.AspNetCore.Http;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Access;

/// <summary>
/// The development sign-in of <c>pipeline serve</c>: a cookie naming one plan/department pair, honoured only
/// when the host environment is Development (<see cref="PortalAccess"/> checks that before reading it).
/// </summary>
public static class DevelopmentSignIn
{
    public const string Cookie = "pipeline-dev-signin";

    /// <summary>The grant the cookie names, if it names a valid pair.</summary>
    public static DepartmentGrant? Read(HttpRequest request)
    {
        var value = request.Cookies[Cookie];
        var parts = value?.Split('/') ?? [];
        return parts.Length == 2 && PathSafeId.IsValid(parts[0]) && PathSafeId.IsValid(parts[1])
            ? new DepartmentGrant(parts[0], parts[1])
            : null;
    }

    public static void Write(HttpResponse response, DepartmentGrant grant) =>
        response.Cookies.Append(Cookie, $"{grant.PlanId}/{grant.DepartmentId}",
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
}
