using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Cli.Tests;

/// <summary>
/// The run command (docs/demo.md), <c>pipeline serve</c>, stops on Ctrl+C (SIGINT), as it says it does, and on SIGTERM
/// (a service manager, <c>docker stop</c>, an editor's stop button), taking the Azurite it started with it. Both
/// once left it running: the web host takes the signals, and the command waited for the command line's token only.
/// Without an SMTP host it starts maildev too, prints its inbox, and takes it along as well.
/// The program runs as a process of its own (signals only reach a whole process), through <c>env
/// --default-signal</c> so that a test host started in the background, where SIGINT is ignored, does not pass that on.
/// </summary>
public sealed partial class ServeStopTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Serve_stops_on_the_signal_and_takes_its_Azurite_with_it(string signal)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        foreach (var argument in new[] { "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "pipeline.dll"), "serve", "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("AzureWebJobsStorage"); // serve starts its own Azurite
        var output = new StringBuilder();
        var portal = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inbox = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var serve = Process.Start(start) ?? throw new InvalidOperationException("Could not start pipeline serve.");
        void Read(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line is not null && PortalLine().Match(line) is { Success: true } match)
            {
                portal.TrySetResult(new Uri(match.Groups[1].Value));
            }

            if (line is not null && InboxLine().Match(line) is { Success: true } mail)
            {
                inbox.TrySetResult(new Uri(mail.Groups[1].Value));
            }
        }

        serve.OutputDataReceived += (_, e) => Read(e.Data);
        serve.ErrorDataReceived += (_, e) => Read(e.Data);
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        int[] children = [];
        try
        {
            var address = await portal.Task.WaitAsync(TimeSpan.FromSeconds(120));
            using (var http = new HttpClient())
            {
                Assert.True((await http.GetAsync(address)).IsSuccessStatusCode, $"the portal at {address} answers");
                // No SMTP host is set: serve started a maildev for the reminders and printed its inbox (RULES.md §12).
                var mail = await inbox.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal("true", await http.GetStringAsync(new Uri(mail, "api/healthz")));
            }

            children = ChildrenOf(serve.Id);
            Assert.Contains(children, pid => CommandLine(pid).Contains("azurite", StringComparison.Ordinal));
            Assert.Contains(children, pid => CommandLine(pid).Contains("maildev", StringComparison.Ordinal));

            using (var kill = Process.Start("kill", ["-" + signal, serve.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            try
            {
                await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"serve still ran 30 s after SIG{signal}:{Environment.NewLine}{Text(output)}");
            }

            serve.WaitForExit(); // the rest of its output

            Assert.Equal(0, serve.ExitCode);
            Assert.Contains("stopped", Text(output), StringComparison.Ordinal);
            Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} ({signal}) outlived serve:{Environment.NewLine}{Text(output)}"));
            Assert.False(Pipeline.Development.AzuriteProcess.Listening(address.Port), $"port {address.Port} still listens");
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }

            foreach (var pid in children.Where(pid => Directory.Exists($"/proc/{pid}")))
            {
                Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"portal:\s+(http://\S+)")]
    private static partial Regex PortalLine();

    [GeneratedRegex(@"reminders' inbox \(maildev\): (http://\S+)")]
    private static partial Regex InboxLine();

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The processes whose parent is <paramref name="pid"/> (field 4 of /proc/N/stat).</summary>
    private static int[] ChildrenOf(int pid) => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
        .Where(p => ParentOf(p) == pid).ToArray();

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // the process ended while the list was read
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
