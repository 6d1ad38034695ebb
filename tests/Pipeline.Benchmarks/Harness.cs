using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Application.Ingestion;
using Pipeline.Publishing.Formats;

namespace Pipeline.Benchmarks;

/// <summary>
/// Runs every benchmark of issue 8 in one go and writes results.md and results.json beside this file,
/// with the machine, the command and the date beside the figures. Goals are judged from the figures.
/// </summary>
internal static class Harness
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "1000,10000,100000,1000000").Split(',').Select(s => int.Parse(s, C)).ToArray();
        var e2eMax = int.Parse(Option(args, "--e2e-max", "100000"), C);
        var pandasMax = int.Parse(Option(args, "--pandas-max", "100000"), C);
        var plans = int.Parse(Option(args, "--plans", "500"), C);
        var root = RepositoryRoot.Find();
        var work = Directory.CreateDirectory(Path.Combine(root, "out", "bench")).FullName;
        var results = new Results(Machine(root, args));

        using var azurite = AzuriteProcess.StartOnFreePorts(root);
        Console.WriteLine($"Azurite on {azurite.BlobPort}/{azurite.QueuePort}/{azurite.TablePort}; work in {work}");

        foreach (var size in sizes)
        {
            foreach (var format in new[] { "xlsx", "csv" })
            {
                var file = Path.Combine(work, $"bench-{size}.{format}");
                if (!File.Exists(file))
                {
                    if (format == "xlsx") { Workloads.WriteXlsx(file, size); } else { Workloads.WriteCsv(file, size); }
                }

                var runs = size <= 100_000 ? 3 : 1;
                var row = new SizeResult(format, size, new FileInfo(file).Length)
                {
                    Floor = Median(runs, () => Child("child-floor-" + (format == "xlsx" ? "xml" : "csv"), file)),
                    Parse = Median(runs, () => Child("child-parse", file, size.ToString(C))),
                    Reader = Child("child-reader", file),
                    Pandas = size <= pandasMax ? Pandas(file, Path.Combine(work, "pandas.json")) : null,
                };
                if (size <= e2eMax)
                {
                    row.EndToEnd = await EndToEndAsync(azurite, work, file, size);
                    row.WriteFloor = await WriteFloorAsync(azurite, file, size);
                }

                results.Sizes.Add(row);
                Console.WriteLine(row.Line());
            }
        }

        results.Aggregation = await AggregationAsync(azurite, plans);
        Console.WriteLine(JsonSerializer.Serialize(results.Aggregation));
        var folder = Path.Combine(root, "tests", "Pipeline.Benchmarks", "results");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), results.Markdown());
        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), JsonSerializer.Serialize(results, Indented));
        Console.WriteLine($"written {Path.Combine(folder, "results.md")}");
        return 0;
    }

    private static Measurement Child(string mode, params string[] arguments)
    {
        // Under `dotnet x.dll` the process path is the dotnet host: the dll goes first.
        string[] prefix = Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet" ? [typeof(Harness).Assembly.Location] : [];
        var run = RunProcess(Environment.ProcessPath!, [.. prefix, mode, .. arguments]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{mode} failed: {run.Error}");
        }

        var parts = run.Output.Trim().Split(' ');
        return new Measurement(long.Parse(parts[0], C), run.WallMs, double.Parse(parts[1], C), long.Parse(parts[2], C));
    }

    /// <summary>pandas, whole process: read the file, write the records as JSON; the peak RSS from getrusage.</summary>
    private static Measurement? Pandas(string file, string json)
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return null;
        }

        var read = file.EndsWith(".xlsx", StringComparison.Ordinal) ? "pd.read_excel(sys.argv[1], engine='openpyxl')" : "pd.read_csv(sys.argv[1])";
        var run = RunProcess("/usr/bin/python3", ["-c", $"import sys, resource, pandas as pd\ndf = {read}\ndf.to_json(sys.argv[2], orient='records', force_ascii=False)\nprint(len(df), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)", file, json]);
        if (run.ExitCode != 0)
        {
            Console.WriteLine($"pandas not available ({run.Error.Split('\n').LastOrDefault(l => l.Length > 0)})");
            return null;
        }

        var parts = run.Output.Trim().Split(' ');
        return new Measurement(long.Parse(parts[0], C), run.WallMs, run.WallMs, long.Parse(parts[1], C));
    }

    /// <summary>The runtime's setting for the command line's gen0 cap, and its value (2 MB, hexadecimal).</summary>
    private const string CliGen0Cap = "DOTNET_GCGen0MaxBudget";

    private const string CliGen0CapBytes = "200000";

    private static (int ExitCode, string Output, string Error, double WallMs) RunProcess(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The child-* modes measure the command line's reading: with its gen0 cap (Pipeline.Cli.csproj), as steps.sh
        // and speed.sh give it, unless the caller set another. This process (end to end, aggregation) runs as the
        // Functions app does, without it.
        if (Environment.GetEnvironmentVariable(CliGen0Cap) is null)
        {
            start.Environment[CliGen0Cap] = CliGen0CapBytes;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        return (process.ExitCode, output, error.Result, watch.Elapsed.TotalMilliseconds);
    }

    private static IHost Host(AzuriteProcess azurite, string work, int rows)
    {
        var planFile = Path.Combine(work, $"bench-plan-{rows}.json");
        File.WriteAllText(planFile, Workloads.PlanJson("bench-e2e", Workloads.IndicatorsFor(rows)));
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineHostExtensions.StorageSetting] = azurite.ConnectionString,
            ["Pipeline:PlansPath"] = planFile,
            ["Pipeline:DefaultPlanId"] = "bench-e2e",
            ["Pipeline:StoragePrefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Pipeline:ReadLimits:MaxFileBytes"] = IsolatedMeasurements.BenchmarkLimits.MaxFileBytes.ToString(C),
            ["Pipeline:ReadLimits:MaxUncompressedBytes"] = IsolatedMeasurements.BenchmarkLimits.MaxUncompressedBytes.ToString(C),
            ["Pipeline:ReadLimits:MaxRows"] = IsolatedMeasurements.BenchmarkLimits.MaxRows.ToString(C),
            ["Pipeline:ReadLimits:MaxSharedStringCharacters"] = IsolatedMeasurements.BenchmarkLimits.MaxSharedStringCharacters.ToString(C),
        });
        builder.AddPipeline();
        return builder.Build();
    }

    /// <summary>Blob to committed, visible rows and a report: exactly what the blob trigger runs.</summary>
    private static async Task<Rate> EndToEndAsync(AzuriteProcess azurite, string work, string file, int rows)
    {
        using var host = Host(azurite, work, rows);
        var storage = host.Services.GetRequiredService<StorageAccount>();
        var uploads = await storage.ContainerAsync(StorageNames.UploadsContainer, CancellationToken.None);
        var blob = uploads.GetBlobClient($"{Workloads.Department}/{Path.GetFileName(file)}");
        await blob.UploadAsync(file, overwrite: true);
        await storage.TableAsync(StorageNames.ObservationsTable, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var result = await host.Services.GetRequiredService<UploadIngestion>().IngestAsync(blob.Name, CancellationToken.None);
        watch.Stop();
        if (result.Record.Status != UploadStatus.Accepted || result.Record.Observations != rows)
        {
            throw new InvalidOperationException($"end to end: {result.Record.Status} {result.Record.Observations} rows: {string.Join("; ", result.Report.Problems.Take(3).Select(p => p.Message.En))}");
        }

        return new Rate(rows, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The storage floor: the same entities written with plain 100-entity transactions, four at a time.</summary>
    private static async Task<Rate> WriteFloorAsync(AzuriteProcess azurite, string file, int rows)
    {
        var plan = Workloads.Plan("bench-floor", rows);
        Submission submission;
        using (var stream = File.OpenRead(file))
        {
            submission = new SubmissionReader(plan, IsolatedMeasurements.BenchmarkLimits).ReadWhole(stream, Path.GetFileName(file), plan.FindDepartment(Workloads.Department));
        }

        var upload = new UploadRecord(plan.Id, UploadDepartment.Named(Workloads.Department), UploadId.Parse("floor"), "floor", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, UploadStatus.Accepted, 0, 0, 0, 0);
        var batches = TableObservationStore.ToEntities(plan, upload, submission.Observations, []).Observations
            .GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(100))
            .Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList()).ToList();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("floor" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateAsync();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
        watch.Stop();
        return new Rate(rows, watch.Elapsed.TotalMilliseconds);
    }

    private static async Task<AggregationResult> AggregationAsync(AzuriteProcess azurite, int plans)
    {
        var small = await AggregateScaleAsync(azurite, plans / 10, publish: false);
        var large = await AggregateScaleAsync(azurite, plans, publish: true);
        return new AggregationResult(small, large);
    }

    private static async Task<ScaleResult> AggregateScaleAsync(AzuriteProcess azurite, int plans, bool publish)
    {
        var account = new StorageAccount(new TableServiceClient(azurite.ConnectionString), new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString),
            4, "a" + Guid.NewGuid().ToString("N")[..10]);
        var store = new TableObservationStore(account);
        var ledger = new TableUploadLedger(account);
        var catalogue = new List<Plan>();
        var load = Stopwatch.StartNew();
        for (var p = 0; p < plans; p++)
        {
            var plan = PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Workloads.PlanJson($"city-{p:000}", 10, policies: 2))), $"city-{p}");
            catalogue.Add(plan);
            var random = new Random(p);
            var observations = plan.Indicators.SelectMany(i => Enumerable.Range(2020, 5).SelectMany(fy => Enumerable.Range(1, 12).Select(m =>
                new Observation(i.Id.Value, new FiscalYear(fy), "431001", m, random.Next(0, 50), null, null, null, default)))).ToList();
            var upload = new UploadRecord(plan.Id, UploadDepartment.Named(Workloads.Department), UploadId.Parse($"u{p}"), $"{Workloads.Department}/u{p}.csv", Sha256.Parse($"{p:x64}"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, UploadStatus.Accepted, observations.Count, 0, 0, 0);
            await store.StageAsync(plan, upload, observations, [], CancellationToken.None);
            await ledger.CommitAsync(upload, CancellationToken.None);
        }

        load.Stop();
        var clock = TimeProvider.System;
        var nothing = new DiscardingFeedStore();
        var aggregate = Stopwatch.StartNew();
        long observed = 0;
        var feeds = new List<ProgressFeed>();
        foreach (var plan in catalogue)
        {
            var run = await new PlanPublication(ledger, store, new TableCommentaryStore(account),
                new TableReviewLedger(account), new TableSecretariatRecords(account), nothing, clock,
                new JapanCalendar(clock), [], new NoPortalLedger(), NullLogger<PlanPublication>.Instance)
                .RunAsync(plan, CancellationToken.None);
            observed += run.Observations;
            feeds.Add(run.Feed);
        }

        aggregate.Stop();

        var scan = Stopwatch.StartNew();
        long scanned = 0;
        var table = await account.TableAsync(StorageNames.ObservationsTable, CancellationToken.None);
        await foreach (var _ in table.QueryAsync<TableEntity>())
        {
            scanned++;
        }

        scan.Stop();

        double? publishMs = null;
        long publishedBytes = 0;
        if (publish)
        {
            var feedStore = new BlobFeedStore(account);
            var watch = Stopwatch.StartNew();
            foreach (var feed in feeds)
            {
                var files = FeedFiles.Create(feed);
                publishedBytes += files.Sum(f => (long)f.Content.Length);
                await feedStore.PublishAsync(PlanId.Parse(feed.Plan.Id), files, FeedFiles.ContentHash(feed), feed.GeneratedAt, CancellationToken.None);
            }

            watch.Stop();
            publishMs = watch.Elapsed.TotalMilliseconds;
        }

        return new ScaleResult(plans, observed, scanned, load.Elapsed.TotalMilliseconds, aggregate.Elapsed.TotalMilliseconds, scan.Elapsed.TotalMilliseconds, publishMs, publishedBytes);
    }

    private static Measurement Median(int runs, Func<Measurement> measure)
    {
        var all = Enumerable.Range(0, runs).Select(_ => measure()).OrderBy(m => m.WallMs).ToList();
        return all[all.Count / 2] with { PeakWorkingSetBytes = all.Max(m => m.PeakWorkingSetBytes) };
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static MachineInfo Machine(string root, string[] args)
    {
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        string commit;
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true })!;
            commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            commit = "(git not found)";
        }

        return new MachineInfo(Environment.ProcessorCount, memory.Split(':')[1].Trim(), cpu, Environment.OSVersion.ToString(), Environment.Version.ToString(),
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", C), commit, "bash tests/Pipeline.Benchmarks/run.sh " + string.Join(' ', args));
    }

    private sealed class DiscardingFeedStore : IFeedStore
    {
        public Task<string?> PublishedHashAsync(PlanId planId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
        public Task PublishAsync(PlanId planId, IReadOnlyList<FeedFile> files, string contentHash, DateTimeOffset generatedAt, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<PublishedFeed?> ReadAsync(PlanId planId, CancellationToken cancellationToken) => Task.FromResult<PublishedFeed?>(null);
        public Task<byte[]?> ReadFileAsync(PlanId planId, string name, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
        public Task<IndexVersion> IndexVersionAsync(CancellationToken cancellationToken) => Task.FromResult(new IndexVersion(null, new Dictionary<string, string?>()));
        public Task<PublishedFeed?> ReadIndexAsync(CancellationToken cancellationToken) => Task.FromResult<PublishedFeed?>(null);
        public Task<bool> TryPublishIndexAsync(IReadOnlyList<FeedFile> files, string contentHash, IndexVersion expected, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    private sealed class NoPortalLedger : IPortalPushLedger
    {
        public Task<PortalPushMark?> LastPushedAsync(PlanId planId, string portal, CancellationToken cancellationToken) =>
            Task.FromResult<PortalPushMark?>(null);
        public Task RecordPushedAsync(PlanId planId, string portal, PortalPushMark mark, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
