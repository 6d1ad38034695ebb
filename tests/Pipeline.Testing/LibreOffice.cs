using System.Diagnostics;

namespace Pipeline.Testing;

/// <summary>
/// Reads a .docx as people will: LibreOffice (Debian's libreoffice-writer-nogui) converts it to PDF headless, with a
/// profile of its own in the conversion's folder (two conversions sharing one fail, and the user's own is left alone)
/// and a timeout (the process tree is killed and the test fails saying so), and poppler's pdftotext and pdffonts read
/// the PDF. LibreOffice exits 0 when it could not load a file, so the PDF's existence is checked. A missing program
/// fails loudly.
/// </summary>
public static class LibreOffice
{
    // A cold start on a loaded machine takes tens of seconds; a hung soffice must not hang the test run.
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Converts every file to PDF in <paramref name="folder"/> (one LibreOffice run); returns the PDFs' paths.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ToPdfAsync(string folder, params string[] documents)
    {
        var profile = new Uri(Path.Combine(folder, "lo-profile")).AbsoluteUri;
        string[] arguments =
        [
            "--headless", "--norestore", $"-env:UserInstallation={profile}",
            "--convert-to", "pdf", "--outdir", folder, .. documents,
        ];
        var (exit, output) = await RunAsync("libreoffice", arguments, ConversionTimeout);
        var pdfs = documents.Select(d => Path.Combine(folder, Path.GetFileNameWithoutExtension(d) + ".pdf")).ToList();
        foreach (var pdf in pdfs)
        {
            if (!File.Exists(pdf))
            {
                throw new InvalidOperationException(
                    $"LibreOffice (exit {exit}) wrote no {pdf}:{Environment.NewLine}{output}");
            }
        }

        return pdfs;
    }

    /// <summary>
    /// The PDF's text as <c>pdftotext -layout</c> gives it: a table row on one line, its cells apart by spaces (a cell
    /// that wraps goes on below in its column, the row's other figures staying on the first line).
    /// </summary>
    public static async Task<string> TextAsync(string pdf) =>
        await OutputAsync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]);

    /// <summary>pdffonts' table of the fonts embedded in the PDF.</summary>
    public static async Task<string> FontsAsync(string pdf) => await OutputAsync("pdffonts", [pdf]);

    private static async Task<string> OutputAsync(string program, string[] arguments)
    {
        var (exit, output) = await RunAsync(program, arguments, TimeSpan.FromMinutes(1));
        return exit == 0
            ? output
            : throw new InvalidOperationException($"{program} exited {exit}:{Environment.NewLine}{output}");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        using var cleanUp = ChildProcesses.Register(() =>
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        });
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            // The clean-up registered above kills the process tree as this method leaves.
            throw new TimeoutException(
                $"{program} did not finish within {timeout.TotalSeconds:0} s and was stopped: "
                + string.Join(' ', arguments));
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
