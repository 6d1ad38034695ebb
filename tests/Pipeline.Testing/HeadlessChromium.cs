using System.Diagnostics;

namespace Pipeline.Testing;

/// <summary>
/// Debian's Chromium, headless, for tests of the dashboard as a person would see it. It must be
/// installed (.ci/run installs it); a missing browser fails the test, it does not skip it.
/// </summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The DOM after the page's scripts ran (virtual time lets fetch and rendering finish).</summary>
    public static Task<string> DumpDomAsync(Uri url) => RunAsync(["--dump-dom", url.ToString()]);

    /// <summary>Saves a PNG of the page at the given window size.</summary>
    public static Task ScreenshotAsync(Uri url, string path, int width, int height) =>
        RunAsync([$"--screenshot={path}", $"--window-size={width},{height}", url.ToString()]);

    private static async Task<string> RunAsync(string[] arguments)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");
        }

        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-quic",
            $"--user-data-dir={profile.FullName}", "--virtual-time-budget=15000", "--hide-scrollbars",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited {process.ExitCode}: {await error}");
        }

        profile.Delete(recursive: true);
        return await output;
    }
}
