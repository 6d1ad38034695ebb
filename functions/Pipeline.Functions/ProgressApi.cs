using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Core.Ports;

namespace Pipeline.Functions;

/// <summary><c>GET /api/plans/{planId}/progress</c>: the latest feed, with an ETag; If-None-Match answers 304.</summary>
public sealed class ProgressApi(IFeedStore feeds)
{
    [Function(nameof(ProgressApi))]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}/progress")] HttpRequestData request,
        string planId,
        CancellationToken cancellationToken)
    {
        var feed = await ProgressResponse.FindAsync(feeds, planId, cancellationToken);
        return await ProgressResponse.WriteAsync(request, feed, cancellationToken);
    }
}
