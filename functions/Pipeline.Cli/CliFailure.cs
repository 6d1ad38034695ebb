using System.Net.Sockets;
using Azure;
using Pipeline.Cli.Verbs;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Cli;

/// <summary>Turns a failure into the one or two lines a person at a terminal needs: what failed, and what to
/// do.</summary>
internal static class CliFailure
{
    public static IReadOnlyList<string> Explain(Exception failure, IDictionary<string, string?>? settings)
    {
        var chain = Chain(failure).ToList();
        if (chain.Any(e => e is SocketException or HttpRequestException || e is RequestFailedException { Status: 0 }))
        {
            var reason = chain.Last().Message;
            return
            [
                $"pipeline: storage could not be reached at " +
                    $"{Endpoint(string.Join(" ", chain.Select(e => e.Message)), settings)} ({reason})",
                "is Azurite running? `npx azurite` or set AzureWebJobsStorage (run with --verbose for details)",
            ];
        }

        var innermost = chain.Last();
        return [$"pipeline: {innermost.GetType().Name}: {innermost.Message}", "run with --verbose for the whole error"];
    }

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        for (var e = failure; e is not null; e = e is AggregateException { InnerExceptions.Count: > 0 } a
            ? a.InnerExceptions[0] : e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>The storage endpoint the failure names (host and port), else the configured ones.</summary>
    private static string Endpoint(string messages, IDictionary<string, string?>? settings)
    {
        IReadOnlyList<Uri> endpoints;
        try
        {
            using var host = CliHost.Build(settings);
            endpoints = host.Get<StorageAccount>().Endpoints;
        }
        catch (InvalidOperationException e)
        {
            return $"(no usable storage setting: {e.Message})";
        }

        var named = endpoints.FirstOrDefault(u => messages.Contains(u.Authority, StringComparison.OrdinalIgnoreCase));
        return named?.ToString() ?? string.Join(", ", endpoints.Distinct());
    }
}
