using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Development;

/// <summary>
/// Azurite, the Azure Storage emulator, run from the repository's <c>node_modules</c> (pinned in
/// package.json, installed by <c>npm ci</c>): in memory, on loopback ports, API version check off.
/// For the demo and the tests; never used in Azure.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    /// <summary>The emulator's well-known development key: public, documented, not a secret.</summary>
    public const string DevelopmentKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Regex ListeningLine =
        new(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)",
            RegexOptions.CultureInvariant);

    private readonly Process _process;
    private readonly string _workingFolder;
    private readonly IDisposable _exitCleanUp;

    private AzuriteProcess(Process process, string workingFolder, IDisposable exitCleanUp, int blobPort, int queuePort,
        int tablePort)
    {
        _process = process;
        _workingFolder = workingFolder;
        _exitCleanUp = exitCleanUp;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>The node process running Azurite (for checks that it is gone once disposed).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The temp folder Azurite runs in, removed when it is disposed.</summary>
    public string WorkingFolder => _workingFolder;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>
    /// Starts Azurite on ports the operating system gives it (port 0): the ports are read from Azurite's own
    /// "listening at" lines, so no port is picked, released and then raced for.
    /// </summary>
    public static AzuriteProcess StartOnFreePorts(string repositoryRoot) => Start(repositoryRoot, 0, 0, 0);

    /// <summary>
    /// Starts Azurite on the given ports (0: any free port) and waits until all three services listen: in
    /// memory, or persisted under <paramref name="location"/> (so that it can be stopped and started again).
    /// A port already taken (EADDRINUSE) fails at once with Azurite's output; the process is never left behind.
    /// </summary>
    public static AzuriteProcess Start(string repositoryRoot, int blobPort, int queuePort, int tablePort,
        string? location = null)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing). Run 'npm ci' in {repositoryRoot} first.");
        }

        var workingFolder = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            script, .. (location is null ? new[] { "--inMemoryPersistence" } : ["--location", location]),
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var ports = new ConcurrentDictionary<string, int>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var exitCleanUp = ChildProcesses.Register(() => End(process, workingFolder));
        process.OutputDataReceived += (_, e) => Read(output, ports, e.Data);
        process.ErrorDataReceived += (_, e) => Read(output, ports, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (ports.Count < 3)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    // Without a timeout, WaitForExit also waits for the redirected output to be read to its end:
                    // the lines that say why the process exited (EADDRINUSE …).
                    process.WaitForExit();
                }
                exitCleanUp.Dispose();
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException(
                    $"Azurite did not start on ports {blobPort}/{queuePort}/{tablePort} (0: any):" +
                        $"{Environment.NewLine}{log}");
            }

            Thread.Sleep(50);
        }

        return new AzuriteProcess(process, workingFolder, exitCleanUp, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    /// <summary>True where something accepts connections on a loopback port.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            // Nothing listens there (yet): that is the answer.
            return false;
        }
    }

    /// <summary>Stops Azurite as a service manager would (SIGTERM), letting it save its state.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill =
            Process.Start(
                new ProcessStartInfo("kill",
                    ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        if (!_process.WaitForExit(15_000))
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Kills Azurite's process tree and removes its working folder.</summary>
    public void Dispose()
    {
        _exitCleanUp.Dispose();
        _process.Dispose();
    }

    private static void End(Process process, string workingFolder)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        if (Directory.Exists(workingFolder))
        {
            Directory.Delete(workingFolder, recursive: true);
        }
    }

    private static void Read(StringBuilder output, ConcurrentDictionary<string, int> ports, string? line)
    {
        if (line is not null && ListeningLine.Match(line) is { Success: true } match)
        {
            ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        Append(output, line);
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
