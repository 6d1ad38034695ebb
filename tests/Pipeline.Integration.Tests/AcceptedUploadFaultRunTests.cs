using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defects 4 and 5, the accepted path — two samples and an upload of 1,728 rows over three partitions (two
/// reader batches, 18 transactions at the default 4 writers) — and the duplicate (the same content under a second
/// name), each with the nightly run: a fault at every storage call point of them in turn ends as the fault-free run
/// (<see cref="FaultRun"/>). The accepted path is the costliest, so these two are a test class of their own, which
/// xunit runs beside <see cref="FaultRunTests"/> (measured on the clean-clone CI of 4f10696: the accepted path alone
/// took 404 s against the six others' 729 s, so the duplicate moved here).
/// </summary>
public sealed class AcceptedUploadFaultRunTests(ITestOutputHelper output) : FaultRun(output)
{
    /// <summary>Storage call points found in a fault-free run when last measured (docs/reliability.md).</summary>
    private static readonly Dictionary<string, int> MinimumCallPoints = new()
    {
        ["accepted, 2 samples + 1,728 rows"] = 155,
        ["duplicate"] = 119,
    };

    private static readonly FaultPath[] Paths =
    [
        new("accepted, 2 samples + 1,728 rows", async p =>
            [
                await Uploads.StoreAsync(p, "jutaku-seisaku/mimamori_visits.csv", await Sample("jutaku-seisaku/mimamori_visits.csv")),
                await Uploads.StoreAsync(p, "shakyo/R5_成果指標実績_社協.xlsx", await Sample("shakyo/R5_成果指標実績_社協.xlsx")),
                await Uploads.StoreAsync(p, "shakyo/large.csv", Large()),
            ], async (p, b, _) => await DeliverAsync(p, b[0]) + await DeliverAsync(p, b[1]) + await DeliverAsync(p, b[2]) + await NightlyAsync(p),
            ["accepted", "accepted", "accepted"]),
        new("duplicate", async p => [await Uploads.StoreAsync(p, "shakyo/a.csv", Small), await Uploads.StoreAsync(p, "shakyo/b.csv", Small)],
            async (p, b, _) => await DeliverAsync(p, b[0]) + await DeliverAsync(p, b[1]) + await NightlyAsync(p), ["accepted", "duplicate"]),
    ];

    [Fact]
    public Task Every_storage_call_point_of_the_accepted_paths_fails_in_turn_and_the_outcome_equals_a_fault_free_run() =>
        RunAsync(Paths, MinimumCallPoints);
}
