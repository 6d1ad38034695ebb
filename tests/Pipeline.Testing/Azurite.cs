using Pipeline.Development;

namespace Pipeline.Testing;

/// <summary>
/// One Azurite for the whole test run, started on first use on loopback ports it is given by the system
/// (port 0) and killed when the test process exits. Tests keep apart through a storage prefix of their own. Fails loudly,
/// with Azurite's output, when it cannot start: no test skips for want of it.
/// </summary>
public static class Azurite
{
    // Killed when the test host exits or unloads (AzuriteProcess registers itself with ChildProcesses).
    private static readonly Lazy<AzuriteProcess> Shared = new(
        () => AzuriteProcess.StartOnFreePorts(RepositoryRoot.Find()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's Azurite, started on first use.</summary>
    public static AzuriteProcess Instance => Shared.Value;

    /// <summary>A fresh storage prefix (letters and digits) for one test.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
