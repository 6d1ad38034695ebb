using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Ports;

namespace Pipeline.Functions;

/// <summary>The HTTP answer for a feed: 404, 304 or 200 with the JSON and its ETag.</summary>
public static class ProgressResponse
{
    public static Task<PublishedFeed?> FindAsync(IFeedStore feeds, string planId, CancellationToken cancellationToken) =>
        PathSafeId.IsValid(planId) ? feeds.ReadAsync(planId, cancellationToken) : Task.FromResult<PublishedFeed?>(null);

    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, PublishedFeed? feed, CancellationToken cancellationToken)
    {
        if (feed is null)
        {
            return request.CreateResponse(HttpStatusCode.NotFound);
        }

        var etag = $"\"{feed.ContentHash}\"";
        var cached = request.Headers.TryGetValues("If-None-Match", out var values)
            && values.SelectMany(v => v.Split(',')).Any(v => v.Trim() == etag || v.Trim() == "*");
        var response = request.CreateResponse(cached ? HttpStatusCode.NotModified : HttpStatusCode.OK);
        response.Headers.Add("ETag", etag);
        response.Headers.Add("Cache-Control", "public, max-age=300");
        response.Headers.Add("Access-Control-Allow-Origin", "*");
        if (!cached)
        {
            response.Headers.Add("Content-Type", "application/json; charset=utf-8");
            await response.Body.WriteAsync(feed.Json, cancellationToken);
        }

        return response;
    }
}
