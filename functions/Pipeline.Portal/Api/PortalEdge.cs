using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Portal.Http;
using Pipeline.Portal.Settings;
using Pipeline.Portal.SignIn;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Portal.Api;

/// <summary>
/// What every answer of the portal's API and pages goes through, on both hosts (RULES.md §9): <c>MapPortal</c> runs
/// each route through it and so does each HttpTrigger. The answer says what it is and that nobody may sniff it
/// (<c>nosniff</c>), leaks no address to another site (<c>Referrer-Policy</c>) and is kept by no cache
/// (<c>no-store</c>: most answers hold a department's data; the open feed and the pages set their own caching). A
/// state-changing request (any method but GET and HEAD) is run only when its <c>Origin</c> is the portal's own.
/// No exception reaches the answer: our failure is logged with its exception and answered 500 as a bilingual problem
/// naming the request and the record to look for, never blaming the person's file; a request the server could not
/// read (too large while streaming, broken framing) is answered as the problem it is.
/// </summary>
public static partial class PortalEdge
{
    /// <summary>
    /// The referrer policy of every answer: addresses hold plan and department names and never go to another site.
    /// Not <c>no-referrer</c>, under which browsers send <c>Origin: null</c> with the page's own POSTs.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    private const string LogCategory = "Pipeline.Portal.Edge";

    /// <summary>Runs <paramref name="handler"/> for the request and writes its answer (or the problem).</summary>
    public static async Task AnswerAsync(HttpContext context, Func<HttpContext, Task<IResult>> handler)
    {
        Secure(context.Response);
        try
        {
            var result = StateChanging(context.Request) && !SentFromPortal(context)
                ? Problems.CrossOriginRefused()
                : await handler(context);
            await result.ExecuteAsync(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            Unreadable(Logger(context), e, context.Request.Method, context.Request.Path, e.StatusCode,
                context.TraceIdentifier);
            await Answer(context, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(context.RequestServices.GetRequiredService<ReadLimits>().MaxFileBytes)
                : Problems.Unreadable());
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Failed(Logger(context), e, context.Request.Method, context.Request.Path, context.TraceIdentifier);
            await Answer(context,
                Problems.Internal(context.Request.Method, context.Request.Path, context.TraceIdentifier));
        }
    }

    /// <summary>Whether the method changes state (everything but GET and HEAD, which only read).</summary>
    public static bool StateChanging(HttpRequest request) => !HttpMethods.IsGet(request.Method)
        && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);

    /// <summary>The headers every answer carries, set before the handler so that it may set its own caching.</summary>
    public static void Secure(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = ReferrerPolicy;
        response.Headers.CacheControl = "no-store";
    }

    private static async Task Answer(HttpContext context, IResult problem)
    {
        // Nothing the handler set (a cookie, a Location, its caching) goes out with the problem.
        context.Response.Clear();
        Secure(context.Response);
        await problem.ExecuteAsync(context);
    }

    private static bool SentFromPortal(HttpContext context) => PortalOrigin.SentFromPortal(
        context.RequestServices.GetRequiredService<IOptions<PortalAccessOptions>>().Value, context.Request);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The request {Method} {Path} could not be read ({Status}, record {TraceId})")]
    private static partial void Unreadable(ILogger logger, Exception exception, string method, PathString path,
        int status,
        string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The portal failed on {Method} {Path} (record {TraceId})")]
    private static partial void Failed(ILogger logger, Exception exception, string method, PathString path,
        string traceId);

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
}
