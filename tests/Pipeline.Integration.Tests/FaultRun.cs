using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Xunit.Abstractions;
using Pipeline.Application.Reports;
using Pipeline.Domain.Json;
using Pipeline.Functions;
using Pipeline.Application.Ingestion;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defects 4 and 5: a fault (a refused call, and a call whose answer is lost after storage did the work) at
/// every storage call point of a path, followed by redelivery, ends in the same published files, reports and ledger as
/// the fault-free run of that path. The paths are split over two test classes (<see cref="FaultRunTests"/>,
/// <see cref="AcceptedUploadFaultRunTests"/>) so that xunit runs them side by side, each on Azurites of its own.
/// </summary>
public abstract partial class FaultRun(ITestOutputHelper output) : IDisposable
{
    private AzuriteProcess? _azurite;

    /// <summary>
    /// A path: its uploads, how they are delivered, the status each ends in, and the answers storage gives in a race
    /// (409: a row written since it was looked for; 412: an ETag changed), all checked on the fault-free run.
    /// </summary>
    protected sealed record FaultPath(string Name, Func<TestPipeline, Task<BlobClient[]>> Upload, Func<TestPipeline, BlobClient[], FaultInjection, Task<int>> Deliver,
        string[] Statuses, int Conflicts = 0, int ChangedETags = 0);

    protected static readonly byte[] Small = Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\nII-2-K1,2022,40\n");

    protected static readonly byte[] Bad = Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\nI-1-K2,2022,abc\n");

    /// <summary>The next night, more than a day later: the sweeper's age (StagedRowSweeper.MinimumAge) has passed.</summary>
    protected static Task<int> ADayLaterAsync(TestPipeline p)
    {
        p.Clock.Advance(StagedRowSweeper.MinimumAge + TimeSpan.FromHours(1));
        return NightlyAsync(p);
    }

    protected static Task<byte[]> Sample(string name) => File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Find(), "samples", "submissions", name));

    /// <summary>1,728 rows: 4 indicators of 3 policies (3 partitions) × 6 fiscal years × 6 areas × 12 months (two reader batches, 18 transactions).</summary>
    protected static byte[] Large()
    {
        var rows = new StringBuilder("指標ID,年度,区,月,実績値\n");
        foreach (var indicator in new[] { "I-1-K2", "I-2-K1", "II-2-K1", "III-3-K1" })
        {
            for (var fy = 2019; fy <= 2024; fy++)
            {
                foreach (var ward in new[] { "中央区", "東区", "西区", "南区", "北区", "" })
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{indicator},{fy},{ward},{month},{month + fy % 7}\n");
                    }
                }
            }
        }

        return Uploads.Csv(rows.ToString());
    }

    /// <summary>A pipeline at the default write parallelism (4), on the path's Azurite.</summary>
    private TestPipeline Pipeline(FaultInjection faults) => new(_azurite!, faults.AddTo);

    /// <summary>
    /// Azurite's memory and CPU grow with every pipeline it has held, even after their tables and containers are
    /// deleted (measured: 343 MB to 499 MB in 75 s, at 78 % of a core; a whole run on one Azurite took 26 min, and a
    /// path of 310 runs on one Azurite on busy cores had a table query time out after 4 × 100 s). So each path starts
    /// on a fresh Azurite, and its fault runs move to a fresh one on the same ports every
    /// <see cref="RunsPerAzurite"/> runs: published files name the storage endpoint, so the ports stay the baseline's.
    /// </summary>
    private void FreshAzurite(bool samePorts = false)
    {
        var ports = _azurite is { } old && samePorts ? (old.BlobPort, old.QueuePort, old.TablePort) : (0, 0, 0);
        _azurite?.Dispose();
        _azurite = AzuriteProcess.Start(RepositoryRoot.Find(), ports.Item1, ports.Item2, ports.Item3);
    }

    /// <summary>Fault runs on one Azurite before the next starts on the same ports.</summary>
    private const int RunsPerAzurite = 25;

    /// <summary>Stops the run's last Azurite.</summary>
    public void Dispose()
    {
        _azurite?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static Task<int> DeliverAsync(TestPipeline p, BlobClient blob) =>
        HostDelivery.RetryAsync(() => new IngestUpload(p.Get<UploadIngestion>()).Run(blob, CancellationToken.None));

    protected static Task<int> NightlyAsync(TestPipeline p) => HostDelivery.NightlyAsync(p);

    protected static Task<int> PoisonAsync(TestPipeline p, BlobClient blob) => HostDelivery.RetryAsync(() => Uploads.PoisonAsync(p, blob));


    /// <summary>
    /// Everything a user or the nightly run can see, with each run's own upload ids, upload folders, received times
    /// and blob versions (ETags) replaced by the blob names or left out: the ledger (every property of every row), every report (whole),
    /// and every published file with its content.
    /// </summary>
    private static async Task<string> StateAsync(TestPipeline p)
    {
        var ledger = await Uploads.RowsAsync(p, StorageNames.UploadsTable);
        var names = ledger.Where(r => r.GetString("Kind") == "upload").ToDictionary(r => r.RowKey, r => "<" + r.GetString("BlobName") + ">");
        string Mask(string text) =>
            UploadFolderName().Replace(names.Aggregate(text, (t, n) => t.Replace(n.Key, n.Value, StringComparison.Ordinal)), "<folder>");
        var text = new StringBuilder();
        foreach (var row in ledger.OrderBy(r => Mask(r.RowKey), StringComparer.Ordinal))
        {
            var properties = row.Where(kv => kv.Key is not ("odata.etag" or "Timestamp" or "ReceivedAt" or "Version" or "StagedRowsSweptOn"))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}");
            text.AppendLine(Mask($"ledger {row.PartitionKey} {row.RowKey}: {string.Join(", ", properties)}"));
        }

        foreach (var (container, mask) in new[] { (StorageNames.ReportsContainer, true), (StorageNames.OpenDataContainer, false) })
        {
            var client = await p.Storage.ContainerAsync(container, CancellationToken.None);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                if (mask)
                {
                    var json = JsonNode.Parse(content)!.AsObject();
                    json.Remove("receivedAt");
                    text.AppendLine($"report {Mask(blob.Name)}: {Mask(json.ToJsonString())}");
                }
                else
                {
                    text.AppendLine($"file {blob.Name} {blob.Properties.ContentType} {Convert.ToHexStringLower(SHA256.HashData(Published(content, Mask, client.Name)))}");
                }
            }
        }

        var observations = await Uploads.RowsAsync(p, StorageNames.ObservationsTable);
        text.AppendLine($"observations {observations.Count}, evaluations {(await Uploads.RowsAsync(p, StorageNames.EvaluationsTable)).Count}");
        return text.ToString();
    }

    /// <summary>
    /// A published file as the comparison sees it: what differs between two independent runs by design — each
    /// run's upload ids (named by their blob names instead), received times and container name (in the
    /// attribution's URL) — masked, also inside the committee workbook's parts.
    /// </summary>
    private static byte[] Published(byte[] content, Func<string, string> mask, string container)
    {
        string Text(string text) => Timestamp().Replace(mask(text), "<time>").Replace(container, "<container>", StringComparison.Ordinal);
        if (content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B)
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content));
            var parts = new StringBuilder();
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                parts.Append(entry.FullName).Append('\n').Append(Text(reader.ReadToEnd())).Append('\n');
            }

            return Encoding.UTF8.GetBytes(parts.ToString());
        }

        return Encoding.UTF8.GetBytes(Text(Encoding.UTF8.GetString(content)));
    }

    /// <summary>An upload's own folder (UploadFolder): each run stores its uploads in folders of their own.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d{8}T\d{13}Z-[0-9a-f]{6}")]
    private static partial System.Text.RegularExpressions.Regex UploadFolderName();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial System.Text.RegularExpressions.Regex Timestamp();

    /// <summary>
    /// Faults every storage call point of each of <paramref name="paths"/> in turn, each path on a fresh Azurite,
    /// and compares every outcome with the path's fault-free run; <paramref name="minimumCallPoints"/> are the call
    /// points each path had when last measured.
    /// </summary>
    protected async Task RunAsync(FaultPath[] paths, IReadOnlyDictionary<string, int> minimumCallPoints)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var found = new Dictionary<string, int>();
        var injected = 0;
        var survived = 0;
        var differences = new List<string>();
        foreach (var path in paths)
        {
            FreshAzurite();
            var baseline = new FaultInjection();
            string expected;
            using (var pipeline = Pipeline(baseline))
            {
                var blobs = await path.Upload(pipeline);
                baseline.Arm(0, FaultKind.Error);
                Assert.Equal(0, await path.Deliver(pipeline, blobs, baseline));
                Assert.True(baseline.Interleaved, $"{path.Name}: the race was not run");
                Assert.Equal((path.Conflicts, path.ChangedETags), (baseline.Answered(409), baseline.Answered(412)));
                found[path.Name] = baseline.Calls;
                var reports = new List<Pipeline.Application.Reports.UploadReport>();
                foreach (var blob in blobs)
                {
                    reports.Add(await Uploads.ReportAsync(pipeline, blob.Name));
                }

                Assert.Equal(path.Statuses, reports.Select(r => PipelineJson.Name(r.Status)));
                if (reports.SingleOrDefault(r => r.BlobName.EndsWith("/large.csv", StringComparison.Ordinal)) is { } large)
                {
                    Assert.Equal(1728, large.Counts.Observations); // over a thousand rows, three partitions, accepted
                }
                expected = await StateAsync(pipeline);
            }

            var runs = 0;
            foreach (var kind in new[] { FaultKind.Error, FaultKind.Timeout })
            {
                for (var point = 1; point <= found[path.Name]; point++)
                {
                    if (++runs % RunsPerAzurite == 0)
                    {
                        FreshAzurite(samePorts: true);
                    }

                    var faults = new FaultInjection();
                    using var pipeline = Pipeline(faults);
                    var blobs = await path.Upload(pipeline);
                    faults.Arm(point, kind);
                    var redeliveries = await path.Deliver(pipeline, blobs, faults);
                    injected += faults.Injected;
                    var actual = await StateAsync(pipeline);
                    if (faults.Injected == 1 && redeliveries <= 1 && actual == expected)
                    {
                        survived++;
                    }
                    else
                    {
                        differences.Add($"{path.Name}, {kind} at call {point}: injected {faults.Injected}, {redeliveries} redeliveries, " +
                            $"outcome {(actual == expected ? "equal" : "different:\n" + Diff(expected, actual))}");
                    }
                }
            }

            output.WriteLine($"{path.Name}: {found[path.Name]} call points, {runs} fault runs, " +
                $"{clock.Elapsed.TotalSeconds:0} s into the test");
        }

        var total = found.Values.Sum();
        output.WriteLine($"fault run in {clock.Elapsed.TotalSeconds:0} s: {string.Join("; ", found.Select(f => $"{f.Key} {f.Value}"))}; " +
            $"{total} call points × 2 kinds: {injected} faults injected, {survived} survived");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(5)));
        Assert.Equal(minimumCallPoints.Keys.Order(), found.Keys.Order());
        Assert.All(minimumCallPoints, m => Assert.True(found[m.Key] >= m.Value,
            $"{m.Key}: {found[m.Key]} storage call points found, fewer than the {m.Value} measured before: a hook is lost"));
        Assert.Equal(2 * found.Values.Sum(), injected);
        Assert.Equal(injected, survived);
    }

    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        return string.Join("\n", a.Except(b).Select(l => "- " + l).Concat(b.Except(a).Select(l => "+ " + l)).Take(6));
    }
}
