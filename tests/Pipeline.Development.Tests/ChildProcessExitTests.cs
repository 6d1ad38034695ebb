using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Pipeline.Development.Tests;

/// <summary>
/// Issue 15, test hygiene: a process that starts Azurite (or any child registered with
/// <see cref="ChildProcesses"/>) and ends without disposing it leaves nothing behind (no process, no temp
/// folder, no listening port), whether it returns from Main, calls <see cref="Environment.Exit(int)"/>, or is
/// stopped with SIGTERM (<c>kill</c>, <c>docker stop</c>) or SIGHUP (its terminal or session closes). Each case
/// runs tests/Pipeline.ExitProbe as a process of its own, since these handlers only run when a process ends.
/// The exit code is checked too: a signal still ends the probe as it would without the handlers (128 + signal).
/// Not covered, because nothing can cover it: SIGKILL (<c>kill -9</c>, the kernel's out-of-memory killer)
/// ends a process without running any of its code, so no handler can clean up after it and what it
/// started outlives it.
/// </summary>
public sealed class ChildProcessExitTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("return", 0)]
    [InlineData("exit", 3)]
    [InlineData("SIGTERM", 143)]
    [InlineData("SIGHUP", 129)]
    public async Task A_process_that_ends_without_disposing_leaves_no_child_process_temp_folder_or_port_behind(string ending, int exitCode)
    {
        // Through env(1) with the signals' default dispositions, as ServeStopTests does: a test run started under
        // nohup hands its children SIGHUP ignored, and an ignored signal is not
        // raised again once the clean-up has run, so the probe would rightly go on (the SIGHUP case hung for 60 s in
        // a CI run started with nohup, and in `nohup dotnet test`). What is tested is a probe that SIGHUP ends.
        var start = new ProcessStartInfo("env",
            ["--default-signal=HUP,TERM", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                ProbeAssembly(), ending.StartsWith("SIG", StringComparison.Ordinal) ? "wait" : ending,
                RepositoryRoot.Find()])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var firstLine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        using var probe = Process.Start(start) ?? throw new InvalidOperationException("Could not start the exit probe.");
        probe.OutputDataReceived += (_, e) => firstLine.TrySetResult(e.Data);
        probe.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        probe.BeginOutputReadLine();
        probe.BeginErrorReadLine();

        ExitProbeReport? report = null;
        try
        {
            var line = await Within(firstLine.Task, StartTimeout, "report what it started", errors);
            Assert.True(line is not null, $"The exit probe ended without reporting what it started:{Environment.NewLine}{Text(errors)}");
            report = ExitProbeReport.Parse(line);
            Assert.True(Directory.Exists($"/proc/{report.AzuritePid}"), "Azurite's node process runs");
            Assert.True(Directory.Exists($"/proc/{report.SleepPid}"), "sleep runs");
            Assert.True(Directory.Exists(report.Folder), $"{report.Folder} exists");
            Assert.All(report.Ports, p => Assert.True(AzuriteProcess.Listening(p), $"port {p} listens"));

            await probe.StandardInput.WriteLineAsync("end");
            await probe.StandardInput.FlushAsync();
            if (ending.StartsWith("SIG", StringComparison.Ordinal))
            {
                Assert.Equal(0, Signal(ending[3..], probe.Id));
            }

            await Within(probe.WaitForExitAsync(), EndTimeout, "end", errors);

            Assert.Equal(exitCode, probe.ExitCode);
            Assert.False(Directory.Exists($"/proc/{report.AzuritePid}"), $"Azurite's node process {report.AzuritePid} outlived the probe");
            Assert.False(Directory.Exists($"/proc/{report.SleepPid}"), $"sleep {report.SleepPid} outlived the probe");
            Assert.False(Directory.Exists(report.Folder), $"{report.Folder} was left behind");
            Assert.All(report.Ports, p => Assert.False(AzuriteProcess.Listening(p), $"port {p} still listens"));
        }
        finally
        {
            // This test leaves nothing behind either, even when it fails: the probe's tree, then what outlived it.
            if (!probe.HasExited)
            {
                probe.Kill(entireProcessTree: true);
            }

            if (report is not null)
            {
                RemoveLeftovers(report);
            }
        }
    }

    /// <summary>The probe's program, located by this project's build (see Pipeline.Development.Tests.csproj).</summary>
    private static string ProbeAssembly()
    {
        var path = typeof(ChildProcessExitTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ExitProbe").Value;
        Assert.True(File.Exists(path), $"The exit probe is not built at '{path}': build Pipeline.sln first.");
        return path!;
    }

    private static async Task<T> Within<T>(Task<T> task, TimeSpan timeout, string what, StringBuilder errors)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The exit probe did not {what} within {timeout}:{Environment.NewLine}{Text(errors)}", e);
        }
    }

    private static async Task Within(Task task, TimeSpan timeout, string what, StringBuilder errors) =>
        await Within(task.ContinueWith(_ => true, TaskScheduler.Default), timeout, what, errors);

    private static string Text(StringBuilder errors)
    {
        lock (errors)
        {
            return errors.ToString();
        }
    }

    /// <summary>Sends a signal with kill(1); its exit code, 0 when the signal was delivered.</summary>
    private static int Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start kill.");
        kill.WaitForExit();
        return kill.ExitCode;
    }

    /// <summary>Kills what the probe started if it still runs (checked by its command line, not just its pid) and removes the folder.</summary>
    private static void RemoveLeftovers(ExitProbeReport report)
    {
        foreach (var (pid, command) in new[] { (report.AzuritePid, "azurite"), (report.SleepPid, "sleep") })
        {
            var commandLine = $"/proc/{pid}/cmdline";
            if (File.Exists(commandLine) && File.ReadAllText(commandLine).Contains(command, StringComparison.Ordinal))
            {
                // It may end on its own meanwhile: a failed kill then says nothing the assertions have not said.
                _ = Signal("KILL", pid);
            }
        }

        var folder = new DirectoryInfo(report.Folder);
        if (folder.Exists && folder.Name.StartsWith("azurite-", StringComparison.Ordinal))
        {
            folder.Delete(recursive: true);
        }
    }
}
