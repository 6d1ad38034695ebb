using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.Testing;

/// <summary>
/// Real open-data clients, run as people run them: Debian's python3 with pandas, openpyxl, jsonschema and
/// PyYAML, and csvkit's csvclean (.ci/run installs them). A missing client fails the test, it never skips it.
/// </summary>
public static class RealClients
{
    /// <summary>Debian's interpreter, whose python3-* packages the tests use (not a virtualenv's).</summary>
    public const string Python = "/usr/bin/python3";

    public const string CsvClean = "/usr/bin/csvclean";

    /// <summary>Runs <c>Clients/read_feed.py MODE ARGS…</c> and parses what it printed.</summary>
    public static async Task<JsonElement> ReadAsync(string mode, params string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "read_feed.py");
        var output = await RunAsync(Python, [script, mode, .. arguments], withErrors: false);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Runs the Python script <c>Clients/NAME ARGS…</c> (Debian's python3) and parses what it printed.</summary>
    public static async Task<JsonElement> RunScriptAsync(string script, params string[] arguments)
    {
        var output = await RunAsync(Python, [Path.Combine(AppContext.BaseDirectory, "Clients", script), .. arguments], withErrors: false);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>
    /// Runs the Node.js script <c>Clients/NAME ARGS…</c> (its packages from the repository's node_modules, which
    /// <c>npm ci</c> installs) and parses the JSON it printed, also when it exits 1 for what it found wrong.
    /// </summary>
    public static async Task<JsonElement> NodeScriptAsync(string script, params string[] arguments)
    {
        var node = NodeExecutable();
        var output = await RunAsync(node, [Path.Combine(AppContext.BaseDirectory, "Clients", script), .. arguments], withErrors: false, allowedExit: 1);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>node from PATH (.ci/run checks it is Node.js 20 or later).</summary>
    public static string NodeExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("node is missing from PATH: install Node.js 20 or later, then npm ci in the repository.");

    /// <summary>csvclean's dry run: "No errors." or the structural errors it found.</summary>
    public static async Task<string> CsvCleanAsync(string path) => (await RunAsync(CsvClean, ["-n", path], withErrors: true)).Trim();

    private static async Task<string> RunAsync(string executable, string[] arguments, bool withErrors, int allowedExit = 0)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"{executable} is missing: apt-get install python3-pandas python3-openpyxl python3-jsonschema python3-yaml csvkit (.ci/run does).");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && process.ExitCode != allowedExit)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return withErrors ? await output + await error : await output;
    }
}
