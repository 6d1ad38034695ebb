using System.CommandLine;

namespace Pipeline.Cli.Serve;

/// <summary><c>pipeline serve [--port N]</c>: the portal, the API, the dashboards and the feed on one local port (RULES.md §9).</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, IDictionary<string, string?>? settings)
    {
        var port = new Option<int>("--port") { Description = "the port to listen on (default 5080; 0 for any free port)", DefaultValueFactory = _ => 5080 };
        var serve = new Command("serve", "ポータル・API・ダッシュボードをこのPCで動かす / run the portal, API, dashboards and feed locally") { port };
        serve.SetAction((parse, ct) => RunAsync(parse.GetValue(port), output, settings, ct));
        return serve;
    }

    private static async Task<int> RunAsync(int port, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        await output.WriteLineAsync("Starting… (Azurite too, when AzureWebJobsStorage is not set)");
        await using var server = await LocalServer.StartAsync(port, settings, environment: null, ct);
        await output.WriteLineAsync($"ポータル / portal:       {server.Portal}");
        await output.WriteLineAsync($"ダッシュボード / dashboards: {server.Address}feeds/v1/{{planId}}/ (after the first accepted upload)");
        await output.WriteLineAsync("Ctrl+C で終了 / Ctrl+C to stop");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await output.WriteLineAsync("stopped");
        }

        return PipelineCommand.Ok;
    }
}
