using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pipeline.Development;

/// <summary>
/// maildev, an SMTP server with an inbox and a REST API (<c>/api/email</c>), run from the repository's
/// <c>node_modules</c> (pinned in package.json, installed by <c>npm ci</c>): both ports on loopback only (its default
/// is
/// every interface), its own mail folder, never relaying. For <c>pipeline serve</c> and the tests; never used in Azure.
/// </summary>
public sealed class MaildevProcess : IDisposable
{
    private readonly Process _process;
    private readonly IDisposable _exitCleanUp;

    private MaildevProcess(Process process, IDisposable exitCleanUp, int smtpPort, int webPort, string mailFolder)
    {
        _process = process;
        _exitCleanUp = exitCleanUp;
        SmtpPort = smtpPort;
        WebPort = webPort;
        MailFolder = mailFolder;
    }

    /// <summary>The SMTP port on 127.0.0.1 (no TLS, no authentication).</summary>
    public int SmtpPort { get; }

    /// <summary>The web inbox and REST API port on 127.0.0.1.</summary>
    public int WebPort { get; }

    /// <summary>The inbox in a browser; the REST API is under <c>api/</c>.</summary>
    public Uri Inbox => new($"http://127.0.0.1:{WebPort}/");

    /// <summary>Where the received messages are kept (.eml), removed when disposed.</summary>
    public string MailFolder { get; }

    /// <summary>The node process running maildev.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts maildev on free loopback ports (or <paramref name="smtpPort"/> where given) and waits until its API
    /// answers.
    /// Fails with maildev's output when it cannot start; the process is never left behind.
    /// </summary>
    public static MaildevProcess Start(string repositoryRoot, int? smtpPort = null)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"maildev is not installed ({script} is missing). Run 'npm ci' in {repositoryRoot} first.");
        }

        var smtp = smtpPort ?? LoopbackPort.Free();
        var web = LoopbackPort.Free(smtp);
        var folder = Directory.CreateTempSubdirectory("maildev-").FullName;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
        {
            script, "--smtp", Port(smtp), "--ip", "127.0.0.1", "--web", Port(web), "--web-ip", "127.0.0.1",
            "--mail-directory", folder, "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for maildev.");
        var exitCleanUp = ChildProcesses.Register(() => End(process, folder));
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (!Healthy(http, web) || !AzuriteProcess.Listening(smtp))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    process.WaitForExit();
                }

                exitCleanUp.Dispose();
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException(
                    $"maildev did not start on ports {smtp}/{web}:{Environment.NewLine}{log}");
            }

            Thread.Sleep(100);
        }

        return new MaildevProcess(process, exitCleanUp, smtp, web, folder);
    }

    /// <summary>Kills maildev and removes its mail folder.</summary>
    public void Dispose()
    {
        _exitCleanUp.Dispose();
        _process.Dispose();
    }

    private static bool Healthy(HttpClient http, int port)
    {
        try
        {
            using var response = http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/healthz")).GetAwaiter()
                .GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Not answering yet: that is the answer.
            return false;
        }
    }

    private static void End(Process process, string folder)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
