using Microsoft.AspNetCore.Http;

namespace Pipeline.Portal.Api;

/// <summary>
/// One route of the portal's API (RULES.md §9): the function that serves it in the Functions app, its HTTP method,
/// its template below <c>/api/</c> and the handler both hosts run.
/// </summary>
/// <param name="Function">The name of the function that serves the route in the Functions app.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Template">The route template below <c>/api/</c>, as a Functions <c>HttpTrigger</c> route.</param>
/// <param name="Handle">The handler: services from the request's, route values from its route.</param>
public sealed record PortalRoute(string Function, string Method, string Template, Func<HttpContext,
    Task<IResult>> Handle)
{
    /// <summary>The path pattern on an ASP.NET Core host: <c>/api/</c> and the template.</summary>
    public string Pattern => "/api/" + Template;
}
