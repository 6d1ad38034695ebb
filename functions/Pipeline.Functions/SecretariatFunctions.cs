using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Portal.Api;

namespace Pipeline.Functions;

/// <summary>
/// The plan secretariat's endpoints, the commentary entry (RULES.md §14) and the contacts (RULES.md §12), each a
/// route handed to the portal's handlers (the same code <c>pipeline serve</c> runs). Anonymous at the Functions level:
/// <c>PortalAccess</c> decides.
/// </summary>
public sealed class SecretariatFunctions(SecretariatApi secretariat, CommentaryApi commentary, ContactsApi contacts)
{
    [Function("ReviewQueue")]
    public Task<IActionResult> ReviewQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.ReviewQueue)] HttpRequest request,
        string planId) =>
        Answer(request, () => secretariat.QueueAsync(request.HttpContext, planId));

    [Function("ReviewDecision")]
    public Task<IActionResult> ReviewDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.ReviewDecision)] HttpRequest request,
        string planId, string uploadId) =>
        Answer(request, () => secretariat.DecideAsync(request.HttpContext, planId, uploadId));

    [Function("SecretariatOverview")]
    public Task<IActionResult> Overview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route =
            PortalRoutes.SecretariatOverview)] HttpRequest request,
        string planId) =>
        Answer(request, () => secretariat.OverviewAsync(request.HttpContext, planId));

    [Function("ConfirmFiscalYear")]
    public Task<IActionResult> Confirm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.ConfirmFiscalYear)]
        HttpRequest request, string planId, int fiscalYear) =>
        Answer(request, () => secretariat.FiscalYearAsync(request.HttpContext, planId, fiscalYear, confirm: true));

    [Function("ReopenFiscalYear")]
    public Task<IActionResult> Reopen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.ReopenFiscalYear)]
        HttpRequest request, string planId, int fiscalYear) =>
        Answer(request, () => secretariat.FiscalYearAsync(request.HttpContext, planId, fiscalYear, confirm: false));

    [Function("Commentary")]
    public Task<IActionResult> Commentary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = PortalRoutes.Commentary)]
        HttpRequest request, string planId, string departmentId, string indicatorId, int fiscalYear) =>
        Answer(request, () => commentary.PutAsync(request.HttpContext, planId, departmentId, indicatorId, fiscalYear));

    [Function("Contacts")]
    public Task<IActionResult> Contacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Contacts)] HttpRequest request,
        string planId) =>
        Answer(request, () => contacts.GetAsync(request.HttpContext, planId));

    [Function("SetContacts")]
    public Task<IActionResult> SetContacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = PortalRoutes.Contacts)] HttpRequest request,
        string planId) =>
        Answer(request, () => contacts.PutAsync(request.HttpContext, planId));

    /// <summary>Runs the handler through <see cref="PortalEdge"/>, which writes its answer; the function returns
    /// nothing more.</summary>
    private static async Task<IActionResult> Answer(HttpRequest request, Func<Task<IResult>> handler)
    {
        await PortalEdge.AnswerAsync(request.HttpContext, _ => handler());
        return new EmptyResult();
    }
}
