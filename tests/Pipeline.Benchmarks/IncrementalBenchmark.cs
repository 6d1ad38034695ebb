using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Benchmarks;

/// <summary>
/// Issue 16: the nightly run over 500 plans / 300,000 observations, full (forced) and with one plan
/// changed, timed and with the observation entities read counted; and one plan of about 100,000
/// observations, its time and peak memory. In-process (as <c>pipeline aggregate</c>), one Azurite.
/// Writes results/incremental.md.
/// </summary>
internal static class IncrementalBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], C) : 500;
        var root = RepositoryRoot.Find();
        using var azurite = AzuriteProcess.StartOnFreePorts(root);
        var md = new StringBuilder();
        md.AppendLine(C, $"# Incremental nightly run (issue 16), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit(root)}");
        md.AppendLine(C, $"Command: `dotnet run -c Release --project tests/Pipeline.Benchmarks -- incremental {count}`; {Environment.ProcessorCount} cores shared with another developer; Azurite in memory.");
        md.AppendLine();

        var plans = Enumerable.Range(0, count).Select(p => Plan($"city-{p:000}", 10, 2)).ToList();
        using (var host = Host(azurite, plans))
        {
            var load = Stopwatch.StartNew();
            foreach (var plan in plans)
            {
                await StageAsync(host, plan.Plan!, "u0", [""], DateTimeOffset.UnixEpoch);
            }

            load.Stop();
            var counter = host.Services.GetRequiredService<CountingObservationStore>();
            var nightly = host.Services.GetRequiredService<NightlyAggregationService>();
            var full = await TimedAsync(nightly, new NightlyRequest(Force: true), counter);
            var nothing = await TimedAsync(nightly, new NightlyRequest(), counter);
            await StageAsync(host, plans[count / 2].Plan!, "u1", ["431001"], DateTimeOffset.UnixEpoch.AddDays(1), months: 1);
            var one = await TimedAsync(nightly, new NightlyRequest(), counter);
            md.AppendLine("| run | plans recomputed | observation entities read | time | of the full run (time / reads) |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            md.AppendLine(C, $"| full (`--force`), {count} plans, after loading {full.Reads:N0} observations in {load.Elapsed.TotalSeconds:F1} s | {full.Recomputed} | {full.Reads:N0} | {full.Seconds:F1} s | 100 % |");
            md.AppendLine(C, $"| nothing changed | {nothing.Recomputed} | {nothing.Reads:N0} | {nothing.Seconds:F2} s | {100 * nothing.Seconds / full.Seconds:F1} % / {100.0 * nothing.Reads / full.Reads:F2} % |");
            md.AppendLine(C, $"| one plan changed (one upload) | {one.Recomputed} | {one.Reads:N0} | {one.Seconds:F2} s | {100 * one.Seconds / full.Seconds:F1} % / {100.0 * one.Reads / full.Reads:F2} % |");
            md.AppendLine();
        }

        var large = Plan("large-city", 280, 10);
        using (var host = Host(azurite, [large]))
        {
            await StageAsync(host, large.Plan!, "u0", ["431001", "431010", "431028", "431036", "431044", "431052"], DateTimeOffset.UnixEpoch);
            GC.Collect();
            File.WriteAllText("/proc/self/clear_refs", "5"); // resets the peak resident set (VmHWM) to now
            var before = Resident("VmRSS");
            var counter = host.Services.GetRequiredService<CountingObservationStore>();
            var run = await TimedAsync(host.Services.GetRequiredService<NightlyAggregationService>(), new NightlyRequest(Force: true), counter);
            var peak = Resident("VmHWM");
            md.AppendLine("| one plan | observations | time (read, roll-up, progress, feed, publish) | peak resident set (before the run → peak) | margin to the 10-minute limit |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            md.AppendLine(C, $"| 280 indicators × 5 FY × 12 months × city + 5 wards | {run.Reads:N0} | {run.Seconds:F1} s | {before / 1048576.0:F0} MB → {peak / 1048576.0:F0} MB (+{(peak - before) / 1048576.0:F0} MB) | {600 / run.Seconds:F0}× ({600 - run.Seconds:F0} s to spare) |");
        }

        var file = Path.Combine(root, "tests", "Pipeline.Benchmarks", "results", "incremental.md");
        await File.WriteAllTextAsync(file, md.ToString());
        Console.Write(md);
        return 0;
    }

    private static PlanSetEntry Plan(string id, int indicators, int policies) =>
        PlanSetEntry.Read(new MemoryStream(Encoding.UTF8.GetBytes(Workloads.PlanJson(id, indicators, policies))), $"bench:{id}", id);

    private static IHost Host(AzuriteProcess azurite, IReadOnlyList<PlanSetEntry> plans)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineHostExtensions.StorageSetting] = azurite.ConnectionString,
            ["Pipeline:StoragePrefix"] = "i" + Guid.NewGuid().ToString("N")[..10],
        });
        builder.Services.AddSingleton(new PlanSet(plans, plans[0].Id));
        builder.Services.AddSingleton(sp => new CountingObservationStore(new TableObservationStore(sp.GetRequiredService<StorageAccount>())));
        builder.Services.AddSingleton<IObservationStore>(sp => sp.GetRequiredService<CountingObservationStore>());
        builder.AddPipeline();
        return builder.Build();
    }

    private static async Task StageAsync(IHost host, Plan plan, string upload, string[] areas, DateTimeOffset createdOn, int months = 12)
    {
        var random = new Random(plan.Id.Value.GetHashCode(StringComparison.Ordinal));
        var observations = plan.Indicators.SelectMany(i => Enumerable.Range(2020, 5).SelectMany(fy => areas.SelectMany(a => Enumerable.Range(1, months).Select(m =>
            new Observation(i.Id.Value, new FiscalYear(fy), a.Length == 0 ? "431001" : a, m, random.Next(0, 50), null, null, null, default))))).ToList();
        var record = new UploadRecord(plan.Id, UploadDepartment.Named(Workloads.Department), UploadId.Parse($"{createdOn.UtcTicks:D19}-{upload}"), $"{Workloads.Department}/{upload}.csv",
            Sha256.Of(System.Text.Encoding.UTF8.GetBytes($"{plan.Id}-{upload}")), createdOn, createdOn, UploadStatus.Accepted, observations.Count, 0, 0, 0);
        await host.Services.GetRequiredService<IObservationStore>().StageAsync(plan, record, observations, [], CancellationToken.None);
        await host.Services.GetRequiredService<IUploadLedger>().CommitAsync(record, CancellationToken.None);
    }

    private static async Task<(double Seconds, long Reads, int Recomputed)> TimedAsync(NightlyAggregationService nightly, NightlyRequest request, CountingObservationStore counter)
    {
        counter.Reset();
        var watch = Stopwatch.StartNew();
        var run = await nightly.RunAsync(request, CancellationToken.None);
        return (watch.Elapsed.TotalSeconds, counter.Read, run.Plans.Count);
    }

    private static long Resident(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], C) * 1024;

    private static string Commit(string root)
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true })!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit;
    }
}
