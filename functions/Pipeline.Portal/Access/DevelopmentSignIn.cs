using Microsoft.AspNetCore.Http;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Access;

/// <summary>
/// The development sign-in of <c>pipeline serve</c>: a cookie naming one plan/department pair, or a plan's secretariat
/// (<c>{planId}/~secretariat</c>), honoured only when the host environment is Development (<see cref="PortalAccess"/>
/// checks that before reading it).
/// </summary>
public static class DevelopmentSignIn
{
    public const string Cookie = "pipeline-dev-signin";

    private const string SecretariatMark = "~secretariat";

    /// <summary>The grant the cookie names, if it names a valid pair (a department) or a plan's secretariat.</summary>
    public static (DepartmentGrant? Department, PlanId? SecretariatOf) Read(HttpRequest request)
    {
        var value = request.Cookies[Cookie];
        var parts = value?.Split('/') ?? [];
        if (parts.Length != 2 || !PlanId.TryParse(parts[0], out var planId))
        {
            return (null, null);
        }

        return parts[1] == SecretariatMark ? (null, planId)
            : DepartmentId.TryParse(parts[1], out var departmentId) ? (new DepartmentGrant(planId, departmentId), null)
            : (null, null);
    }

    public static void Write(HttpResponse response, DepartmentGrant grant) =>
        Write(response, $"{grant.PlanId}/{grant.DepartmentId}");

    /// <summary>Signs in as the secretariat of <paramref name="planId"/>.</summary>
    public static void WriteSecretariat(HttpResponse response, PlanId planId) =>
        Write(response, $"{planId}/{SecretariatMark}");

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });

    private static void Write(HttpResponse response, string value) =>
        response.Cookies.Append(Cookie, value,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
}
