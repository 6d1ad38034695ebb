using Pipeline.Portal.Api;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The Functions app serves exactly the portal's route table (<see cref="PortalRoutes"/>, which <c>pipeline serve</c>
/// maps): every HTTP trigger of functions.metadata, by method and route, is a route of the table and every route of
/// the table has a trigger.
/// </summary>
public sealed class RouteParityTests
{
    [Fact]
    public void The_functions_app_serves_the_portal_route_table_exactly()
    {
        var table = PortalRoutes.All.Select(r => $"{r.Method} /api/{r.Template}").ToHashSet(StringComparer.Ordinal);
        var functions = HttpTriggers().ToHashSet(StringComparer.Ordinal);
        var onlyServe = table.Except(functions).Order(StringComparer.Ordinal).ToList();
        var onlyFunctions = functions.Except(table).Order(StringComparer.Ordinal).ToList();
        Assert.True(onlyServe.Count == 0 && onlyFunctions.Count == 0,
            $"Routes of the table without a function: {string.Join(", ", onlyServe)}; "
            + $"functions' routes not in the table: {string.Join(", ", onlyFunctions)}");
    }

    [Fact]
    public void Each_route_is_served_by_the_function_the_table_names()
    {
        foreach (var route in PortalRoutes.All)
        {
            Assert.Contains($"{route.Method} /api/{route.Template}", HttpTriggers(route.Function));
        }
    }

    /// <summary>"METHOD /api/route" of every HTTP trigger in functions.metadata (of one function, when named).</summary>
    private static IEnumerable<string> HttpTriggers(string? function = null) =>
        from f in FunctionsMetadataTests.Metadata().EnumerateArray()
        where function is null || f.GetProperty("name").GetString() == function
        from binding in f.GetProperty("bindings").EnumerateArray()
        where binding.GetProperty("type").GetString() == "httpTrigger"
        from method in binding.GetProperty("methods").EnumerateArray()
        select $"{method.GetString()!.ToUpperInvariant()} /api/{binding.GetProperty("route").GetString()}";
}
