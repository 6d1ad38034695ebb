using Microsoft.AspNetCore.Http;
using Pipeline.Application.Ports;

namespace Pipeline.Portal.Api;

/// <summary>The published feed as an HTTP answer: 200 with its ETag, or 304 when If-None-Match names it.</summary>
public sealed class FeedResult(PublishedFeed feed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var etag = $"\"{feed.ContentHash}\"";
        var cached = httpContext.Request.Headers.IfNoneMatch
            .SelectMany(v => (v ?? "").Split(','))
            .Any(v => v.Trim() == etag || v.Trim() == "*");
        var response = httpContext.Response;
        response.StatusCode = cached ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "public, max-age=300";
        response.Headers.AccessControlAllowOrigin = "*";
        if (!cached)
        {
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = feed.Json.Length;
            await response.Body.WriteAsync(feed.Json, httpContext.RequestAborted);
        }
    }
}
