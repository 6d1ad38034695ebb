using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Testing;
using Pipeline.Domain.Json;

namespace Pipeline.Benchmarks;

/// <summary>
/// What each file of the amplification corpus (<see cref="AmplificationFiles"/>) costs to read with the default
/// limits: wall time, bytes allocated and peak working set, each file in a process of its own that is stopped after
/// a time-out (a file that would run for hours is recorded as "stopped"). Writes <c>results/amplification.md</c>.
/// <c>dotnet run -c Release --project tests/Pipeline.Benchmarks -- amplification [timeoutSeconds] [label] [name part]</c>
/// </summary>
internal static class AmplificationBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var timeout = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], C) : 120);
        var label = args.Length > 2 ? args[2] : "";
        var only = args.Length > 3 ? args[3] : "";
        var root = RepositoryRoot.Find();
        var work = Directory.CreateTempSubdirectory("amplification-");
        var lines = new List<string>();
        try
        {
            foreach (var file in AmplificationFiles.Corpus().Where(f => f.Name.Contains(only, StringComparison.Ordinal)))
            {
                var path = Path.Combine(work.FullName, file.Name);
                File.WriteAllBytes(path, file.Content());
                var line = Measure(path, timeout);
                var row = $"| {file.Name} | {new FileInfo(path).Length:N0} | {line} |";
                Console.WriteLine(row);
                lines.Add(row);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Amplification corpus{(label.Length > 0 ? $" ({label})" : "")}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, " +
                $".NET {Environment.Version}; each file read once with the default limits in a process of its own, stopped after {timeout.TotalSeconds:F0} s.")
            .AppendLine("Command: `dotnet run -c Release --project tests/Pipeline.Benchmarks -- amplification`.")
            .AppendLine()
            .AppendLine("| file | bytes | first error | ms | MB allocated | peak working set MB |")
            .AppendLine("|---|---:|---|---:|---:|---:|");
        lines.ForEach(l => markdown.AppendLine(l));
        var name = label.Length > 0 ? $"amplification-{label}.md" : "amplification.md";
        File.WriteAllText(Path.Combine(root, "tests", "Pipeline.Benchmarks", "results", name), markdown.ToString());
        return 0;
    }

    /// <summary>In the child: reads the file and prints <c>code elapsedMs allocatedBytes peakWorkingSetBytes</c>.</summary>
    public static int Child(string path)
    {
        var plan = BuiltInPlans.Default;
        var content = File.ReadAllBytes(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var submission = new SubmissionReader(plan, ReadLimits.Default)
            .ReadWhole(new MemoryStream(content), Path.GetFileName(path), plan.FindDepartment("shakyo"));
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var code = submission.Problems.FirstOrDefault(p => p.Severity == Domain.Problems.Severity.Error) is { } error
            ? PipelineJson.Name(error.Code) : "accepted";
        Console.WriteLine(string.Create(C, $"{code} {watch.Elapsed.TotalMilliseconds:F0} {allocated} {self.PeakWorkingSet64}"));
        return 0;
    }

    private static string Measure(string path, TimeSpan timeout)
    {
        string[] prefix = Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet" ? [typeof(Harness).Assembly.Location] : [];
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Append("child-amplification").Append(path))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return $"(stopped) | > {timeout.TotalMilliseconds:N0} | – | –";
        }

        var parts = output.Result.Trim().Split(' ');
        if (process.ExitCode != 0 || parts.Length != 4)
        {
            var last = error.Result.Split('\n').FirstOrDefault(l => l.Length > 0) ?? $"exit {process.ExitCode}";
            return $"(crashed: {last.Replace('|', '/')}) | – | – | –";
        }

        return string.Create(C, $"{parts[0]} | {double.Parse(parts[1], C):N0} | {long.Parse(parts[2], C) / 1e6:N1} | {long.Parse(parts[3], C) / 1e6:N0}");
    }
}
