using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Json;
using Pipeline.Spreadsheets;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api.Documents;
using Pipeline.Portal.Http;
using Pipeline.Portal.Plans;
using Pipeline.Portal.SignIn;
using Pipeline.Portal.Static;
using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing.Document;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal.Api;

/// <summary>
/// The endpoints not tied to one department (RULES.md §9): sign-in, <c>/api/me</c>, <c>/api/plans</c> and the
/// progress feed. Both hosts call these methods; neither holds endpoint logic of its own.
/// </summary>
public sealed class PortalApi(
    PortalAccess access, IPortalPlans plans, IFeedStore feeds, JapanCalendar calendar, TimeProvider clock,
        IOptions<PortalAccessOptions> options)
{
    /// <summary>Where App Service Authentication signs people in, when the app trusts it.</summary>
    public const string PlatformSignInUrl = "/.auth/login/aad?post_login_redirect_uri=/api/portal/";

    /// <summary><c>GET /api/sign-in</c> (anonymous): how to sign in here.</summary>
    public IResult SignInOptions() =>
        Json(new SignInDocument(access.DevelopmentSignInAvailable, options.Value.TrustPlatformHeader
            ? PlatformSignInUrl : null,
            access.DevelopmentSignInAvailable ? plans.All.SelectMany(p => p.Departments.Select(d => View(p, d)))
                .ToArray() : [],
            options.Value.OffersEntraSignIn ? EntraSignIn.StartPath : null,
            access.DevelopmentSignInAvailable
                ? plans.All.Select(p => new PlanView(p.Id.Value, p.Name)).ToArray()
                : []));

    /// <summary>
    /// <c>GET /api/portal/{path}</c>: the portal's files; the page itself redirects a person who is not signed in to
    /// the
    /// Entra ID sign-in when it is configured.
    /// </summary>
    public async Task<IResult> PageAsync(HttpContext context, string? path) =>
        string.IsNullOrEmpty(path) || path == "index.html"
            ? options.Value.OffersEntraSignIn && await access.SignedInAsync(context) is null
                ? Results.Redirect(EntraSignIn.StartPath) : PortalFiles.Serve(path)
            : PortalFiles.Serve(path);

    /// <summary><c>POST /api/sign-in/development</c>: picks a department; 404 outside the Development
    /// environment.</summary>
    public async Task<IResult> DevelopmentSignInAsync(HttpContext context)
    {
        if (!access.DevelopmentSignInAvailable)
        {
            return Problems.NotFound("開発用サインインはありません。", "There is no development sign-in here.");
        }

        // Not JSON, or sent as another content type: 400 below, like a request naming nothing.
        var request = await SecretariatApi.ReadAsync<DevelopmentSignInRequest>(context);

        if (request is { Role: PortalRole.Secretariat } && plans.Find(request.PlanId) is { } secretariatPlan)
        {
            DevelopmentSignIn.WriteSecretariat(context.Response, secretariatPlan.Id);
            return Results.NoContent();
        }

        if (request is null || request.Role == PortalRole.Secretariat || request.DepartmentId is not { } department
            || !DepartmentId.TryParse(department, out var departmentId)
            || plans.Find(request.PlanId) is not { } plan || plan.FindDepartment(departmentId) is null)
        {
            return Problems.BadRequest("計画と所属（または事務局）を選んでください。",
                "Choose a plan and a department (or its secretariat).");
        }

        DevelopmentSignIn.Write(context.Response, new DepartmentGrant(plan.Id, departmentId));
        return Results.NoContent();
    }

    /// <summary><c>POST /api/sign-out/development</c>: 404 outside the Development environment, like the
    /// sign-in.</summary>
    public IResult DevelopmentSignOut(HttpContext context)
    {
        if (!access.DevelopmentSignInAvailable)
        {
            return Problems.NotFound("開発用サインインはありません。", "There is no development sign-in here.");
        }

        DevelopmentSignIn.Clear(context.Response);
        return Results.NoContent();
    }

    /// <summary><c>GET /api/me</c>.</summary>
    public async Task<IResult> MeAsync(HttpContext context)
    {
        var decision = await access.SignedInOrDeniedAsync(context);
        if (decision.Principal is not { } me)
        {
            return decision.Denied!;
        }

        var departments = me.Departments
            .Select(g => plans.Find(g.PlanId.Value) is { } p && p.FindDepartment(g.DepartmentId) is { } d
                ? View(p, d) : null)
            .OfType<DepartmentView>()
            .ToArray();
        var secretariats = me.Secretariats.Select(p => plans.Find(p.Value)).OfType<Plan>()
            .Select(p => new PlanView(p.Id.Value, p.Name)).ToArray();
        return Json(new MeDocument(
            me.Id, me.Name, me.Source, departments, secretariats, SubmissionReader.AcceptedExtensions));
    }

    /// <summary>
    /// <c>GET /api/plans</c> (signed-in people only): the plan set as published in <c>feeds/v1/index.json</c>, with
    /// its ETag; before the first nightly run, the same document with every indicator counted as no data yet.
    /// </summary>
    public async Task<IResult> PlansAsync(HttpContext context)
    {
        var decision = await access.SignedInOrDeniedAsync(context);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        var published = await feeds.ReadIndexAsync(context.RequestAborted);
        return published is not null
            ? new FeedResult(published)
            : Results.Bytes(PlanIndex.Json(PlanIndex.BeforeFirstRun(plans.All, calendar, clock.GetUtcNow())),
                "application/json; charset=utf-8");
    }

    /// <summary>
    /// <c>GET /api/plans/{planId}/progress</c>: the latest feed with its ETag. Anonymous, like the open-data
    /// container it is read from (RULES.md §5).
    /// </summary>
    public async Task<IResult> ProgressAsync(string planId, CancellationToken cancellationToken)
    {
        var feed = PlanId.TryParse(planId, out var id) ? await feeds.ReadAsync(id, cancellationToken) : null;
        return feed is null
            ? Problems.NotFound("この計画の公開データはまだありません。", "No feed is published for this plan yet.")
            : new FeedResult(feed);
    }

    internal static IResult Json<T>(T document, int status = StatusCodes.Status200OK) =>
        Results.Json(
            document, PipelineJson.TypeInfo<T>(DocumentJson.Options), "application/json; charset=utf-8", status);

    private static DepartmentView View(Plan plan, Department department) =>
        new(plan.Id.Value, plan.Name, department.Id.Value, department.Name,
        [
            new(plan.WholeCity.Code.Value, plan.WholeCity.Name),
            .. plan.Wards.Select(w => new AreaName(w.Code.Value, w.Name)),
        ]);
}
