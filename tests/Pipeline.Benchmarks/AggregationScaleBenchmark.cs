using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Infrastructure.Storage;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;

namespace Pipeline.Benchmarks;

/// <summary>
/// Issue 27: one plan's aggregation (<see cref="PlanPublication"/>: ledger, observations, roll-up, progress,
/// provenance, every feed file and its hash) at 10,000 and 100,000 observations, our CPU only: the ledger, the
/// observation store and the feed store are in memory, so Azurite's slowing as its tables fill is left out (the
/// storage side is measured by <c>incremental</c>). The rows are those the table store returns: a first upload of
/// every indicator / FY / area / month and a later one that restates one fiscal year, a third of it changed, so
/// supersession and the revision history do real work. Sizes are interleaved, round after round, in one process;
/// time per observation is reported as wall and CPU time (the CPU time of the one thread that runs it, the collector's
/// work on it included). The Functions app runs with the runtime's default collector, workstation and concurrent; this
/// project turns concurrency off for its reading measurements, so run this mode as the app runs with
/// <c>DOTNET_gcConcurrent=1</c> (the report names the collector it ran with).
/// </summary>
internal static partial class AggregationScaleBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs of each size before the measured rounds: the tiered JIT recompiles a method after 30 calls, and
    /// much of the run is called once per run, so a single warm-up left rounds 2–5 paying for background compiling
    /// (the process's CPU time ran up to 1.8× the wall time at 10,000).</summary>
    private const int WarmUpRuns = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], C) : 5;
        int[] sizes = args.Length > 2 ? [.. args[2].Split(',').Select(s => int.Parse(s, C))] : [10_000, 100_000];
        var workloads = sizes.Select(Workload).ToList();
        for (var warmUp = 0; warmUp < WarmUpRuns; warmUp++)
        {
            foreach (var w in workloads)
            {
                _ = await RunOnceAsync(w); // JIT, tiering and first-use costs, not measured
            }
        }

        var wall = sizes.ToDictionary(s => s, _ => new List<double>());
        var cpu = sizes.ToDictionary(s => s, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var w in workloads)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var (wallMs, cpuMs, collector) = await RunOnceAsync(w);
                wall[w.Size].Add(wallMs);
                cpu[w.Size].Add(cpuMs);
                Console.Error.WriteLine(string.Create(C, $"round {round + 1}: {w.Size} observations: {wallMs:F0} ms wall, {cpuMs:F0} ms CPU, {collector}"));
            }
        }

        var md = new StringBuilder();
        md.AppendLine(C, $"Load average before → after: {Load()}");
        md.AppendLine(C, $"Collector: {(GCSettings.IsServerGC ? "server" : "workstation")}, " +
            $"{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "not concurrent" : "concurrent (as the Functions app runs)")}.");
        md.AppendLine("| observations | stored rows | wall ms (median, min–max) | CPU ms (median, min–max) | CPU µs per observation |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var w in workloads)
        {
            md.AppendLine(C, $"| {w.Size:N0} | {w.Rows.Count:N0} | {Median(wall[w.Size]):F0} ({wall[w.Size].Min():F0}–{wall[w.Size].Max():F0}) | {Median(cpu[w.Size]):F0} ({cpu[w.Size].Min():F0}–{cpu[w.Size].Max():F0}) | {1000 * Median(cpu[w.Size]) / w.Size:F2} |");
        }

        if (sizes.Length >= 2)
        {
            var (small, large) = (workloads[0], workloads[^1]);
            var growthCpu = Median(cpu[large.Size]) / large.Size / (Median(cpu[small.Size]) / small.Size);
            var growthWall = Median(wall[large.Size]) / large.Size / (Median(wall[small.Size]) / small.Size);
            md.AppendLine();
            md.AppendLine(C, $"Time per observation grows {growthCpu:F2}× (CPU) / {growthWall:F2}× (wall) from {small.Size:N0} to {large.Size:N0}.");
        }

        if (args.Contains("--azurite"))
        {
            md.AppendLine();
            md.Append(await AzuriteReadAsync(workloads, rounds));
        }

        Console.Write(md);
        return 0;
    }

    /// <summary>
    /// The storage side apart: each workload's rows staged into one Azurite, then read back through the table store
    /// round after round, with this process's CPU (the SDK's parsing, our mapping) and Azurite's (node) apart.
    /// </summary>
    private static async Task<string> AzuriteReadAsync(List<ScaleWorkload> workloads, int rounds)
    {
        using var azurite = AzuriteProcess.StartOnFreePorts(RepositoryRoot.Find());
        using var node = Process.GetProcessById(azurite.ProcessId);
        var account = new StorageAccount(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString),
            4, "s" + Guid.NewGuid().ToString("N")[..10]);
        var store = new TableObservationStore(account);
        var plans = new List<(ScaleWorkload Workload, Plan Plan)>();
        foreach (var w in workloads)
        {
            // A plan id of its own per size, so each reads only its rows.
            var plan = PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Workloads.PlanJson($"scale-{w.Size}",
                Workloads.IndicatorsFor(w.Size)))), $"scale-{w.Size}");
            foreach (var upload in await ToListAsync(w.Ledger.CommittedAsync(w.Plan.Id, CancellationToken.None)))
            {
                var rows = w.Rows.Where(r => r.UploadId == upload.UploadId).Select(r => new Observation(r.IndicatorId, r.FiscalYear, r.AreaCode,
                    r.Month, r.Value, null, null, null, default)).ToList();
                await store.StageAsync(plan, upload with { PlanId = plan.Id }, rows, [], CancellationToken.None);
            }

            plans.Add((w, plan));
            Console.Error.WriteLine($"staged {w.Rows.Count} rows in Azurite");
        }

        var results = plans.ToDictionary(p => p.Workload.Size, _ => new List<(double Wall, double Ours, double Azurite)>());
        using var self = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (w, plan) in plans)
            {
                self.Refresh();
                node.Refresh();
                var (ours, theirs) = (self.TotalProcessorTime, node.TotalProcessorTime);
                var watch = Stopwatch.StartNew();
                var read = 0;
                await foreach (var _ in store.ObservationsAsync(plan, CancellationToken.None))
                {
                    read++;
                }

                watch.Stop();
                self.Refresh();
                node.Refresh();
                if (read != w.Rows.Count)
                {
                    throw new InvalidOperationException($"read {read} of {w.Rows.Count}");
                }

                results[w.Size].Add((watch.Elapsed.TotalMilliseconds, (self.TotalProcessorTime - ours).TotalMilliseconds,
                    (node.TotalProcessorTime - theirs).TotalMilliseconds));
            }
        }

        var md = new StringBuilder();
        md.AppendLine(C, $"Reading the rows back from Azurite {AzuriteVersion()} (table store, partition by partition), {rounds} rounds, load {Load()}:");
        md.AppendLine();
        md.AppendLine("| stored rows | wall ms (median) | our CPU ms | Azurite's CPU ms | our CPU µs a row | Azurite's CPU µs a row |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (w, _) in plans)
        {
            var r = results[w.Size];
            var (wall, ours, theirs) = (Median([.. r.Select(x => x.Wall)]), Median([.. r.Select(x => x.Ours)]), Median([.. r.Select(x => x.Azurite)]));
            md.AppendLine(C, $"| {w.Rows.Count:N0} | {wall:F0} | {ours:F0} | {theirs:F0} | {1000 * ours / w.Rows.Count:F2} | {1000 * theirs / w.Rows.Count:F2} |");
        }

        return md.ToString();
    }

    private static string AzuriteVersion() => "3.35.0";

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// One aggregation: its wall time, the CPU time of the thread that ran it (every port here completes at once, so
    /// the whole run stays on one thread, checked), and what it allocated, how often the collector ran and how long
    /// it paused the run.
    /// </summary>
    private static async Task<(double WallMs, double CpuMs, string Collector)> RunOnceAsync(ScaleWorkload w)
    {
        var publication = new PlanPublication(w.Ledger, w.Store, new NoCommentary(), new NoReviews(), new NoConfirmations(),
            new NullFeedStore(), TimeProvider.System, new JapanCalendar(TimeProvider.System), [], new NullPortalLedger(),
            NullLogger<PlanPublication>.Instance);
        var thread = Environment.CurrentManagedThreadId;
        var cpuBefore = ThreadCpuTime.Now();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        var run = await publication.RunAsync(w.Plan, CancellationToken.None);
        watch.Stop();
        var cpuMs = (ThreadCpuTime.Now() - cpuBefore).TotalMilliseconds;
        if (Environment.CurrentManagedThreadId != thread)
        {
            throw new InvalidOperationException("the aggregation moved to another thread: its thread's CPU time is not the run's");
        }

        var collector = string.Create(C,
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MB, collections " +
            $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms");
        if (run.Observations != w.Rows.Count || !run.Published)
        {
            throw new InvalidOperationException($"aggregation read {run.Observations} of {w.Rows.Count} rows");
        }

        return (watch.Elapsed.TotalMilliseconds, cpuMs, collector);
    }

    /// <summary>One plan of <paramref name="size"/> observations (360 per indicator: 5 FY × city + 5 wards × 12 months).</summary>
    private static ScaleWorkload Workload(int size)
    {
        var indicators = Workloads.IndicatorsFor(size);
        var plan = PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Workloads.PlanJson("scale", indicators))), "scale");
        var first = Upload(plan, "u0", DateTimeOffset.UnixEpoch);
        var second = Upload(plan, "u1", DateTimeOffset.UnixEpoch.AddDays(30));
        var random = new Random(size);
        var rows = new List<StoredObservation>(size + (size / 5));
        var emitted = 0;
        foreach (var indicator in plan.Indicators)
        {
            for (var fy = 2020; fy < 2025 && emitted < size; fy++)
            {
                foreach (var area in Workloads.Areas)
                {
                    for (var m = 1; m <= 12 && emitted < size; m++, emitted++)
                    {
                        var value = random.Next(0, 500);
                        rows.Add(Stored(indicator, fy, area, m, value, first));
                        if (fy == 2023)
                        {
                            // The later upload restates FY2023: a third of its values revised.
                            rows.Add(Stored(indicator, fy, area, m, m % 3 == 0 ? value + 1 : value, second));
                        }
                    }
                }
            }
        }

        return new ScaleWorkload(size, plan, rows, new MemoryLedger([first, second]), new ReplayStore(rows));
    }

    private static StoredObservation Stored(Indicator indicator, int fy, string area, int month, int value, UploadRecord upload) =>
        new(indicator.Id.Value, new FiscalYear(fy), area, month, value, null, null, upload.UploadId, upload.ReceivedAt);

    private static UploadRecord Upload(Plan plan, string id, DateTimeOffset createdOn) =>
        new(plan.Id, UploadDepartment.Named(Workloads.Department), UploadId.Parse($"{createdOn.UtcTicks:D19}-{id}"),
            $"{Workloads.Department}/{id}.csv", null, createdOn, createdOn, UploadStatus.Accepted, 0, 0, 0, 0);

    private sealed record ScaleWorkload(int Size, Plan Plan, List<StoredObservation> Rows, IUploadLedger Ledger, IObservationStore Store);
}

