using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Portal.Static;

/// <summary>The portal's pages (HTML, CSS, JS embedded in this assembly; no CDN, no build step), served by both
/// hosts.</summary>
public static class PortalFiles
{
    private static readonly Assembly Assembly = typeof(PortalFiles).Assembly;

    /// <summary>The file at <paramref name="path"/> (empty: <c>index.html</c>), or 404.</summary>
    public static IResult Serve(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        var stream = type is null || name.Contains("..", StringComparison.Ordinal) ? null
            : Assembly.GetManifestResourceStream("portal/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        return new SecuredFile(Results.Stream(stream, type));
    }

    /// <summary>A page with headers that forbid framing, sniffing and any script or style from elsewhere.</summary>
    private sealed class SecuredFile(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-cache";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
