using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Core.Ports;

namespace Pipeline.Functions;

/// <summary><c>GET /api/plans</c>: the plan set as published in <c>feeds/v1/index.json</c> (RULES.md §7), with an ETag; If-None-Match answers 304.</summary>
public sealed class PlansApi(IFeedStore feeds)
{
    [Function(nameof(PlansApi))]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans")] HttpRequestData request,
        CancellationToken cancellationToken) =>
        await ProgressResponse.WriteAsync(request, await feeds.ReadIndexAsync(cancellationToken), cancellationToken);
}
