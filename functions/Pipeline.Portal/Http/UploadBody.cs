using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Pipeline.Portal.Http;

/// <summary>
/// Reads a request body of at most the reader's file limit (<c>ReadLimits.MaxFileBytes</c>): refused (null)
/// from its Content-Length before anything is read, or as soon as more than the limit has arrived.
/// </summary>
public static class UploadBody
{
    /// <summary>The body in memory, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpContext context, long maxBytes,
        CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Declared: room for one byte more than allowed, so that we, not the server, see the excess. Chunked: no
            // server limit, which would count the chunks' framing and refuse a body under ours; the loop below stops
            // reading at the first byte over the limit, so the same bytes pass or fail however they are sent.
            limit.MaxRequestBodySize = context.Request.ContentLength is null ? null : maxBytes + 1;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
