using System.CommandLine;
using Pipeline.Cli.Verbs;

namespace Pipeline.Cli.Serve;

/// <summary><c>pipeline serve [--port N]</c>: the portal, the API, the dashboards and the feed on one local port
/// (RULES.md §9).</summary>
internal static class ServeVerb
{
    public static Command Create(TextWriter output, IDictionary<string, string?>? settings)
    {
        var port =
            new Option<int>("--port") { Description = "the port to listen on (default 5080; 0 for any free port)",
                DefaultValueFactory = _ => 5080 };
        var serve =
            new Command("serve",
                "ポータル・API・ダッシュボードをこのPCで動かす / run the portal, API, dashboards and feed locally") { port };
        serve.SetAction((parse, ct) => RunAsync(parse.GetValue(port), output, settings, ct));
        return serve;
    }

    private static async Task<int> RunAsync(int port, TextWriter output, IDictionary<string, string?>? settings,
        CancellationToken ct)
    {
        await output.WriteLineAsync("Starting… (Azurite too, when AzureWebJobsStorage is not set)");
        await using var server = await LocalServer.StartAsync(port, settings, environment: null, ct);
        await output.WriteLineAsync($"ポータル / portal:       {server.Portal}");
        await output.WriteLineAsync(
            $"ダッシュボード / dashboards: {server.Address}feeds/v1/{{planId}}/ (after the first accepted upload)");
        if (server.Inbox is { } inbox)
        {
            await output.WriteLineAsync($"督促メールの受信箱 / reminders' inbox (maildev): {inbox}");
        }

        await output.WriteLineAsync("Ctrl+C で終了 / Ctrl+C to stop");
        // Until the command line is cancelled or the web host is told to stop (Ctrl+C, SIGTERM): the host takes those
        // signals, so waiting for the command line's token alone never ended (the server ran on after Ctrl+C).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("停止しました / stopped");
        }

        return ExitCode.Ok;
    }
}
