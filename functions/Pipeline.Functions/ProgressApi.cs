using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Portal.Api;

namespace Pipeline.Functions;

/// <summary><c>GET /api/plans/{planId}/progress</c>: the latest feed, with an ETag; If-None-Match answers 304 (<see
/// cref="PortalApi.ProgressAsync"/>).</summary>
public sealed class ProgressApi(PortalApi api)
{
    [Function(nameof(ProgressApi))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Progress)] HttpRequest request,
        string planId)
    {
        await PortalEdge.AnswerAsync(request.HttpContext, context => api.ProgressAsync(planId, context.RequestAborted));
        return new EmptyResult();
    }
}
