using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Catalogue;
using Pipeline.Portal.Http;
using Pipeline.Portal.Plans;
using Pipeline.Portal.SignIn;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.Access;

/// <summary>
/// The one access check every endpoint goes through (RULES.md §9): who is signed in (401 when nobody), and
/// whether they may act for the department asked for (403 otherwise, before anything about the plan or the
/// department is revealed). Sources, in order: the platform header when trusted, an Entra ID token when
/// the app validates tokens, the session cookie of the portal's own Entra ID sign-in
/// (<see cref="EntraSignIn"/>), the development cookie in the Development environment only.
/// </summary>
public sealed class PortalAccess(IOptions<PortalAccessOptions> options, IHostEnvironment environment,
    IPortalPlans plans, SignInCookies cookies)
{
    private readonly PortalAccessOptions _options = options.Value;

    /// <summary>Whether the development sign-in is offered (the Development environment, and only there).</summary>
    public bool DevelopmentSignInAvailable => environment.IsDevelopment();

    /// <summary>The signed-in person, or null.</summary>
    public async Task<PortalPrincipal?> SignedInAsync(HttpContext context)
    {
        if (_options.TrustPlatformHeader && PlatformPrincipal.Read(context.Request) is { } platform)
        {
            return Principal(platform.Id, platform.Name, SignInSource.Platform, platform.Groups);
        }

        if (_options.ValidatesTokens && context.Request.Headers.Authorization.ToString()
            .StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (result.Succeeded && result.Principal is { } user)
            {
                var id = user.FindFirst("oid")?.Value
                    ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value ?? "";
                var name = user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value ?? id;
                var groups = user.FindAll("groups").Select(c => c.Value).ToArray();
                return id.Length == 0 ? null : Principal(id, name, SignInSource.EntraToken, groups);
            }
        }

        if (_options.OffersEntraSignIn && cookies.ReadSession(context.Request) is { } session)
        {
            return Principal(session.Id, session.Name, SignInSource.EntraSession, session.Groups);
        }

        if (!DevelopmentSignInAvailable)
        {
            return null;
        }

        var (grant, secretariatOf) = DevelopmentSignIn.Read(context.Request);
        if (grant is not null && Exists(grant))
        {
            return new PortalPrincipal($"dev:{grant.PlanId}/{grant.DepartmentId}",
                $"開発用 / development ({grant.DepartmentId})",
                SignInSource.Development, [grant]);
        }

        return secretariatOf is { } secretariatPlan && plans.Find(secretariatPlan.Value) is not null
            ? new PortalPrincipal($"dev:{secretariatOf}/secretariat",
                $"開発用 事務局 / development secretariat ({secretariatOf})", SignInSource.Development, [],
                [secretariatPlan])
            : null;
    }

    /// <summary>Anyone signed in, or a 401 problem.</summary>
    public async Task<AccessDecision> SignedInOrDeniedAsync(HttpContext context) =>
        await SignedInAsync(context) is { } principal
            ? new AccessDecision(principal, null, null, null)
            : AccessDecision.Deny(Problems.Unauthorized());

    /// <summary>
    /// The person, plan and department when the person may act for it (or, with <paramref name="orSecretariat"/>, is
    /// the plan's secretariat, who sees every department of its plan: RULES.md §14); otherwise 401, 403 or 404.
    /// </summary>
    public async Task<AccessDecision> ForDepartmentAsync(
        HttpContext context, string planId, string departmentId, bool orSecretariat = false)
    {
        var principal = await SignedInAsync(context);
        if (principal is null)
        {
            return AccessDecision.Deny(Problems.Unauthorized());
        }

        // The route's text is read once here. A text that is no id is no grant of anyone's: 403, or 404 for the
        // secretariat of a plan that names a department that is no id, as when the texts were compared.
        var planOk = PlanId.TryParse(planId, out var routePlan);
        var departmentOk = DepartmentId.TryParse(departmentId, out var id);
        if (!(planOk && departmentOk && principal.MayActFor(routePlan, id))
            && !(orSecretariat && planOk && principal.IsSecretariatOf(routePlan)))
        {
            return AccessDecision.Deny(Problems.Forbidden());
        }

        var plan = plans.Find(routePlan.Value);
        var department = departmentOk ? plan?.FindDepartment(id) : null;
        return plan is null || department is null
            ? AccessDecision.Deny(
                Problems.NotFound("計画または所属がこの環境にありません。", "The plan or department is not served here."))
            : new AccessDecision(principal, plan, department, null);
    }

    /// <summary>
    /// The plan, when the person is its secretariat (RULES.md §14); otherwise 401, 403 (a department's staff, or the
    /// secretariat of another plan, before anything about the plan is revealed) or 404.
    /// </summary>
    public async Task<AccessDecision> ForSecretariatAsync(HttpContext context, string planId)
    {
        var principal = await SignedInAsync(context);
        if (principal is null)
        {
            return AccessDecision.Deny(Problems.Unauthorized());
        }

        if (!PlanId.TryParse(planId, out var id) || !principal.IsSecretariatOf(id))
        {
            return AccessDecision.Deny(Problems.NotSecretariat());
        }

        return plans.Find(id.Value) is { } plan
            ? new AccessDecision(principal, plan, null, null)
            : AccessDecision.Deny(Problems.NotFound("計画がこの環境にありません。", "The plan is not served here."));
    }

    private PortalPrincipal Principal(string id, string name, SignInSource source, IReadOnlyList<string> groups)
    {
        var mapped = _options.Groups.Where(g => groups.Contains(g.GroupId, StringComparer.OrdinalIgnoreCase)).ToList();
        var departments = mapped.Where(g => g.Role == PortalRole.Department)
            .Select(g => PlanId.TryParse(g.PlanId, out var plan) && DepartmentId.TryParse(g.DepartmentId, out var d)
                ? new DepartmentGrant(plan, d) : null)
            .OfType<DepartmentGrant>()
            .Where(Exists)
            .Distinct()
            .ToArray();
        var secretariats = mapped.Where(g => g.Role == PortalRole.Secretariat)
            .Select(g => plans.Find(g.PlanId)?.Id).OfType<PlanId>().Distinct().ToArray();
        return new PortalPrincipal(id, name, source, departments, secretariats);
    }

    private bool Exists(DepartmentGrant grant) =>
        plans.Find(grant.PlanId.Value)?.FindDepartment(grant.DepartmentId) is not null;
}
