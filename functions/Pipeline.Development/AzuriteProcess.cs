using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Development;

/// <summary>
/// Azurite, the Azure Storage emulator, run from the repository's <c>node_modules</c> (pinned in
/// package.json, installed by <c>npm ci</c>): in memory, on loopback ports, API version check off.
/// For the demo and the tests; never used in Azure.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    /// <summary>The emulator's well-known development key: public, documented, not a secret.</summary>
    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite on free ports.</summary>
    public static AzuriteProcess StartOnFreePorts(string repositoryRoot) => Start(repositoryRoot, LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());

    /// <summary>
    /// Starts Azurite on the given ports and waits until all three services listen: in memory, or
    /// persisted under <paramref name="location"/> (so that it can be stopped and started again).
    /// </summary>
    public static AzuriteProcess Start(string repositoryRoot, int blobPort, int queuePort, int tablePort, string? location = null)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing). Run 'npm ci' in {repositoryRoot} first.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            script, .. (location is null ? new[] { "--inMemoryPersistence" } : ["--location", location]),
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!(Listening(blobPort) && Listening(queuePort) && Listening(tablePort)))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException($"Azurite did not start on ports {blobPort}/{queuePort}/{tablePort}:{Environment.NewLine}{log}");
            }

            Thread.Sleep(100);
        }

        return new AzuriteProcess(process, blobPort, queuePort, tablePort);
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

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        if (!_process.WaitForExit(15_000))
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
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
