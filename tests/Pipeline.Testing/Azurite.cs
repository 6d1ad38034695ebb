using Pipeline.Development;

namespace Pipeline.Testing;

/// <summary>
/// One Azurite for the whole test run, started on first use on free loopback ports and stopped when
/// the test process exits. Tests keep apart through a storage prefix of their own. Fails loudly,
/// with Azurite's output, when it cannot start: no test skips for want of it.
/// </summary>
public static class Azurite
{
    private static readonly Lazy<AzuriteProcess> Shared = new(() =>
    {
        var azurite = AzuriteProcess.StartOnFreePorts(RepositoryRoot.Find());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Dispose();
        return azurite;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's Azurite, started on first use.</summary>
    public static AzuriteProcess Instance => Shared.Value;

    /// <summary>A fresh storage prefix (letters and digits) for one test.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
