using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Portal.Api;
using Pipeline.Portal.SignIn;
using Pipeline.Portal.Static;

namespace Pipeline.Functions;

/// <summary>
/// The department portal's API and pages (RULES.md §9), each function a route of <see cref="PortalRoutes"/> handed to
/// the portal's handlers (the same code <c>pipeline serve</c> runs). Anonymous at the Functions level:
/// <c>PortalAccess</c> decides.
/// </summary>
public sealed class PortalFunctions(PortalApi portal, DepartmentApi departments, EntraSignIn entra,
    EntraSignOut signOut)
{
    [Function("SignInOptions")]
    public Task<IActionResult> SignInOptions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.SignInOptions)] HttpRequest request) =>
        Answer(request, () => Task.FromResult(portal.SignInOptions()));

    [Function("DevelopmentSignIn")]
    public Task<IActionResult> DevelopmentSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route =
            PortalRoutes.DevelopmentSignIn)] HttpRequest request) =>
        Answer(request, () => portal.DevelopmentSignInAsync(request.HttpContext));

    [Function("DevelopmentSignOut")]
    public Task<IActionResult> DevelopmentSignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route =
            PortalRoutes.DevelopmentSignOut)] HttpRequest request) =>
        Answer(request, () => Task.FromResult(portal.DevelopmentSignOut(request.HttpContext)));

    [Function("EntraSignIn")]
    public Task<IActionResult> EntraSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.EntraSignIn)] HttpRequest request) =>
        Answer(request, () => entra.StartAsync(request.HttpContext));

    [Function("EntraSignInCallback")]
    public Task<IActionResult> EntraSignInCallback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route =
            PortalRoutes.EntraSignInCallback)] HttpRequest request) =>
        Answer(request, () => entra.CallbackAsync(request.HttpContext));

    [Function("SignOut")]
    public Task<IActionResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.SignOut)] HttpRequest request) =>
        Answer(request, () => signOut.SignOutAsync(request.HttpContext));

    [Function("Me")]
    public Task<IActionResult> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Me)] HttpRequest request) =>
        Answer(request, () => portal.MeAsync(request.HttpContext));

    [Function("Plans")]
    public Task<IActionResult> Plans(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Plans)] HttpRequest request) =>
        Answer(request, () => portal.PlansAsync(request.HttpContext));

    [Function("Obligations")]
    public Task<IActionResult> Obligations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Obligations)] HttpRequest request,
            string planId, string departmentId) =>
        Answer(request, () => departments.ObligationsAsync(request.HttpContext, planId, departmentId));

    [Function("Template")]
    public Task<IActionResult> Template(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Template)] HttpRequest request,
            string planId, string departmentId) =>
        Answer(request, () => departments.TemplateAsync(request.HttpContext, planId, departmentId));

    [Function("Validate")]
    public Task<IActionResult> Validate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.Validate)] HttpRequest request,
            string planId, string departmentId) =>
        Answer(request, () => departments.ValidateAsync(request.HttpContext, planId, departmentId));

    [Function("Upload")]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.Uploads)] HttpRequest request,
            string planId, string departmentId) =>
        Answer(request, () => departments.UploadAsync(request.HttpContext, planId, departmentId));

    [Function("UploadHistory")]
    public Task<IActionResult> UploadHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Uploads)] HttpRequest request,
            string planId, string departmentId) =>
        Answer(request, () => departments.HistoryAsync(request.HttpContext, planId, departmentId));

    [Function("UploadReport")]
    public Task<IActionResult> UploadReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.UploadReport)] HttpRequest request,
        string planId, string departmentId, string uploadId) =>
        Answer(request, () => departments.ReportAsync(request.HttpContext, planId, departmentId, uploadId));

    [Function("PortalPages")]
    public Task<IActionResult> PortalPages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Pages)] HttpRequest request,
            string? path) =>
        Answer(request, () => portal.PageAsync(request.HttpContext, path));

    /// <summary>Runs the handler through <see cref="PortalEdge"/>, which writes its answer; the function returns
    /// nothing more.</summary>
    private static async Task<IActionResult> Answer(HttpRequest request, Func<Task<IResult>> handler)
    {
        await PortalEdge.AnswerAsync(request.HttpContext, _ => handler());
        return new EmptyResult();
    }
}
