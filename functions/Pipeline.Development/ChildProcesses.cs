using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Pipeline.Development;

/// <summary>
/// Everything this process started outside itself (Azurite, a browser, a CLI) and must not outlive it:
/// each registration's clean-up (kill the process tree, remove its temp folder) runs when its owner
/// disposes it, and otherwise when this process exits or its load context unloads, or is asked to end by
/// SIGTERM or SIGHUP, so that a test host that ends or is stopped leaves no orphan behind. On those signals
/// the clean-ups run at once, before the process ends (or, where a host handles the signal, before it shuts
/// down). Nothing runs on SIGKILL: no process can handle it.
/// </summary>
public static class ChildProcesses
{
    // Each clean-up runs once; a second caller (its owner disposing while a signal's handler runs it) waits for it to
    // end.
    private static readonly ConcurrentDictionary<long, Lazy<bool>> CleanUps = new();
    private static readonly PosixSignalRegistration[] TerminationSignals;
    private static long _next;

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUpAll();
        AssemblyLoadContext.Default.Unloading += _ => CleanUpAll();
        // Since .NET 10 the runtime no longer turns SIGTERM (nor SIGHUP) into ProcessExit: the signal ends the
        // process at once. These handlers clean up first and leave the signal uncancelled, so that its usual
        // outcome follows (the process ends with 128 + the signal's number). Kept in a field: a registration
        // that is collected stops handling.
        TerminationSignals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => CleanUpAll()),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => CleanUpAll()),
        ];
    }

    /// <summary>Registers a clean-up; disposing the result runs it at once (once) and forgets it.</summary>
    public static IDisposable Register(Action cleanUp)
    {
        var id = Interlocked.Increment(ref _next);
        CleanUps[id] = new Lazy<bool>(() =>
        {
            cleanUp();
            return true;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        return new Registration(id);
    }

    /// <summary>How many clean-ups are still pending: what an exit of this process would run now.</summary>
    public static int Pending => CleanUps.Count;

    private static void CleanUpAll()
    {
        foreach (var id in CleanUps.Keys)
        {
            Run(id);
        }
    }

    private static void Run(long id)
    {
        if (CleanUps.TryGetValue(id, out var cleanUp))
        {
            _ = cleanUp.Value; // runs it, or waits while another thread does
            CleanUps.TryRemove(id, out _);
        }
    }

    private sealed class Registration(long id) : IDisposable
    {
        public void Dispose() => Run(id);
    }
}
