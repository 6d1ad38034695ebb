// Usage: Pipeline.ExitProbe <return|exit|wait> <repository root>
//
// Starts an Azurite on free ports and a plain `sleep 600` registered with ChildProcesses, and disposes neither.
// Prints one line, `azurite=<node pid> sleep=<pid> ports=<blob>,<queue>,<table> folder=<working folder>`
// (the folder last: it runs to the end of the line), then waits for one line on standard input and ends:
//   return  returns from Main (exit code 0)
//   exit    calls Environment.Exit(3)
//   wait    blocks until it is stopped (the caller sends SIGTERM or SIGHUP)
// Whatever it started must be gone once it has ended: that is what ChildProcesses' exit handlers are for.
using System.Diagnostics;
using System.Globalization;
using Pipeline.Development;

string[] modes = ["return", "exit", "wait"];
if (args.Length != 2 || !modes.Contains(args[0]) || !Directory.Exists(args[1]))
{
    await Console.Error.WriteLineAsync($"usage: Pipeline.ExitProbe <{string.Join('|', modes)}> <repository root> (given: {string.Join(' ', args)})");
    return 2;
}

var azurite = AzuriteProcess.StartOnFreePorts(args[1]);

var sleep = Process.Start(new ProcessStartInfo("sleep", ["600"])
{
    // Its own pipes, so that it never holds the caller's end of this program's output open.
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
}) ?? throw new InvalidOperationException("Could not start sleep.");
ChildProcesses.Register(() =>
{
    if (!sleep.HasExited)
    {
        sleep.Kill(entireProcessTree: true);
        sleep.WaitForExit(10_000);
    }
});

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"azurite={azurite.ProcessId} sleep={sleep.Id} ports={azurite.BlobPort},{azurite.QueuePort},{azurite.TablePort} folder={azurite.WorkingFolder}"));
Console.Out.Flush();

await Console.In.ReadLineAsync();
switch (args[0])
{
    case "exit":
        Environment.Exit(3);
        break;
    case "wait":
        Thread.Sleep(Timeout.Infinite);
        break;
}

return 0;
