using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// What the Functions host does with a failure: a failed delivery is delivered again (up to five times), a failed
/// timer run runs again. Each call returns how many deliveries failed before one succeeded.
/// </summary>
internal static class HostDelivery
{
    /// <summary>Runs <paramref name="delivery"/> until it succeeds, five tries at most (the last failure is thrown).</summary>
    public static async Task<int> RetryAsync(Func<Task> delivery)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await delivery();
                return attempt - 1;
            }
            catch (Exception) when (attempt < 5)
            {
                // The host logs the failure and delivers again.
            }
        }
    }

    /// <summary>The nightly timer, then each plan's queue message, each retried as the host retries it.</summary>
    public static async Task<int> NightlyAsync(TestPipeline pipeline)
    {
        string[] messages = [];
        var failures = await RetryAsync(async () => messages = await Nightly.DispatchAsync(pipeline));
        foreach (var message in messages)
        {
            failures += await RetryAsync(() => Nightly.DeliverAsync(pipeline, message));
        }

        return failures;
    }
}
