using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using CsvHelper;
using Pipeline.Infrastructure.Storage;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Benchmarks;

/// <summary>
/// Measurements that run in a process of their own, so that each has a clean peak working set and the
/// comparison with pandas is whole process against whole process. Each prints one line:
/// <c>items elapsedMs peakWorkingSetBytes</c>.
/// </summary>
internal static class IsolatedMeasurements
{
    public static readonly ReadLimits BenchmarkLimits = ReadLimits.Default with
    {
        MaxFileBytes = 2L * 1024 * 1024 * 1024,
        MaxUncompressedBytes = 4L * 1024 * 1024 * 1024,
        MaxRows = 5_000_000,
        MaxSharedStringCharacters = 500_000_000,
    };

    public static int Run(string[] args)
    {
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long items = args[0] switch
        {
            "child-parse" => Parse(args[1], int.Parse(args[2], CultureInfo.InvariantCulture),
                entities: args.Length < 4 || args[3] != "--no-entities"),
            "child-reader" => ReaderOnly(args[1]),
            "child-write" => Write(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
            "child-floor-xml" => BareXml(args[1]),
            "child-floor-ods" => BareXml(args[1], "content.xml"),
            "child-plan" => WritePlan(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)),
            "child-floor-csv" => BareCsv(args[1]),
            "child-warm" => Warm(args[1], int.Parse(args[2], CultureInfo.InvariantCulture),
                int.Parse(args[3], CultureInfo.InvariantCulture), entities: args.Length < 5 || args[4] != "--no-entities"),
            _ => throw new ArgumentException(args[0]),
        };
        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        // items, elapsed ms, peak working set, then the CPU ms of the same span (steadier than wall time on busy cores).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{items} {watch.Elapsed.TotalMilliseconds:F0} {self.PeakWorkingSet64} {(self.TotalProcessorTime - cpuStart).TotalMilliseconds:F0}"));
        return 0;
    }

    /// <summary>Ours without storage: read, interpret, check, and normalise into the table entities that would be written.</summary>
    /// <remarks>
    /// With <paramref name="entities"/> false (<c>--no-entities</c>) the observations are read, checked and normalised
    /// but not made into table entities: what <c>pipeline validate</c> does, which writes nothing.
    /// </remarks>
    private static long Parse(string file, int rows, bool entities = true, Plan? given = null)
    {
        var phase = Stopwatch.StartNew();
        var plan = given ?? Workloads.Plan("bench-parse", rows);
        var planMs = phase.Elapsed.TotalMilliseconds;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen0Before = GC.CollectionCount(0), gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        using var stream = File.OpenRead(file);
        var upload = BenchUpload(plan);
        long made = 0;
        var batch = new List<Observation>(1000);
        void Normalise()
        {
            made += entities ? TableObservationStore.ToEntities(plan, upload, batch, []).Observations.LongCount()
                : batch.Count;
            batch.Clear();
        }

        // As ingestion does: valid rows leave in batches of 1,000 as they are read, normalised into table entities.
        var reading = new SubmissionReader(plan, BenchmarkLimits).StartReading(stream, Path.GetFileName(file), plan.FindDepartment(Workloads.Department));
        foreach (var o in reading.Observations)
        {
            batch.Add(o);
            if (batch.Count == 1000)
            {
                Normalise();
            }
        }

        Normalise();
        var submission = reading.Summary;
        var readMs = phase.Elapsed.TotalMilliseconds - planMs;
        var readCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (!submission.IsAcceptable)
        {
            throw new InvalidOperationException(string.Join("\n", submission.Problems.Take(5)));
        }

        // What the span allocated and how often the GC ran: the same in every run of the same code, however busy
        // the cores are (issue 27).
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
        // And how much of the span was the JIT compiling what ReadyToRun left (generic code over our value types,
        // methods using vector instructions beyond the precompiled baseline): once per process, not per row.
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan {planMs:F0} ms, read + check + normalise {readMs:F0} ms, CPU {readCpuMs:F0} ms, " +
            $"allocated {allocatedMb:F0} MB, collections {GC.CollectionCount(0) - gen0Before}/" +
            $"{GC.CollectionCount(1) - gen1Before}/{GC.CollectionCount(2) - gen2Before}, " +
            $"jit {jitMs:F0} ms for {jitted} methods"));
        return made;
    }

    /// <summary>Writes a workload file (long-form csv, xlsx or ods; months, wards or years as columns) for a parse-only run.</summary>
    private static long Write(string layout, string path, int rows)
    {
        switch (layout)
        {
            case "csv": Workloads.WriteCsv(path, rows); break;
            case "xlsx": Workloads.WriteXlsx(path, rows); break;
            case "months-csv": Workloads.WriteMonthsCsv(path, rows); break;
            case "wards-csv": LayoutWorkloads.WriteWardsCsv(path, rows); break;
            case "years-csv": LayoutWorkloads.WriteYearsCsv(path, rows); break;
            case "ods": LayoutWorkloads.WriteOds(path, rows); break;
            default: throw new ArgumentException(layout);
        }

        return rows;
    }

    /// <summary>Our spreadsheet reader alone, keeping nothing: its memory must not grow with the file.</summary>
    private static long ReaderOnly(string file)
    {
        using var stream = File.OpenRead(file);
        var rows = Path.GetExtension(file) switch
        {
            ".xlsx" => XlsxSheetReader.Read(stream, _ => true, BenchmarkLimits),
            ".ods" => OdsSheetReader.Read(stream, _ => true, BenchmarkLimits),
            _ => CsvSheetReader.Read(stream, "bench", BenchmarkLimits),
        };
        long cells = 0;
        foreach (var row in rows)
        {
            cells += row.Cells.Count;
        }

        return cells;
    }

    /// <summary>
    /// The floor and ours in one process, one after the other, <paramref name="rounds"/> times, after one read of the
    /// file: the first rounds still run code being compiled or tiered up, the later ones run warm, as a host that has
    /// read a file before reads the next. Beside them, what the span must make whatever the reading costs: the file's
    /// observations made again from ones already read (one object each, as the rules make them), and their table
    /// entities. One line a round on stdout: <c>warm ROUND floorMs floorCpuMs oursMs oursCpuMs objectsCpuMs
    /// entitiesCpuMs</c>, CPU of this thread (the tiered JIT's own thread not counted); .csv, .xlsx or .ods by the
    /// file's extension.
    /// </summary>
    private static long Warm(string file, int rows, int rounds, bool entities)
    {
        long made = 0;
        var plan = Workloads.Plan("bench-parse", rows);
        List<Observation> observations;
        using (var stream = File.OpenRead(file))
        {
            observations = [.. new SubmissionReader(plan, BenchmarkLimits)
                .ReadWhole(stream, Path.GetFileName(file), plan.FindDepartment(Workloads.Department)).Observations];
        }

        var upload = BenchUpload(plan);
        for (var round = 1; round <= rounds; round++)
        {
            var (floorMs, floorCpu) = Timed(() => Path.GetExtension(file) switch
            {
                ".xlsx" => BareXml(file),
                ".ods" => BareXml(file, "content.xml"),
                _ => BareCsv(file),
            });
            var (oursMs, oursCpu) = Timed(() => made = Parse(file, rows, entities, plan));
            var (_, objectsCpu) = Timed(() =>
            {
                var copies = new List<Observation>(1000);
                long count = 0;
                foreach (var o in observations)
                {
                    copies.Add(o with { });
                    if (copies.Count == 1000)
                    {
                        count += copies.Count;
                        copies.Clear();
                    }
                }

                return count + copies.Count;
            });
            var (_, entitiesCpu) = Timed(() =>
                TableObservationStore.ToEntities(plan, upload, observations, []).Observations.LongCount());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm {round} {floorMs:F2} {floorCpu:F2} {oursMs:F2} {oursCpu:F2} {objectsCpu:F2} {entitiesCpu:F2}"));
        }

        return made;
    }

    private static UploadRecord BenchUpload(Plan plan) =>
        new(plan.Id, UploadDepartment.Named(Workloads.Department), UploadId.Parse("bench"), "bench", null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, UploadStatus.Accepted, 0, 0, 0, 0);

    private static (double Ms, double CpuMs) Timed(Func<long> work)
    {
        var cpu = ThreadCpuTime.Now();
        var watch = Stopwatch.StartNew();
        _ = work();
        return (watch.Elapsed.TotalMilliseconds, (ThreadCpuTime.Now() - cpu).TotalMilliseconds);
    }

    /// <summary>The benchmark plan for N rows as a plan file, for <c>pipeline validate</c> (Pipeline__PlansPath).</summary>
    private static long WritePlan(string path, int rows)
    {
        File.WriteAllText(path, Workloads.PlanJson("bench-parse", Workloads.IndicatorsFor(rows)));
        return Workloads.IndicatorsFor(rows);
    }

    /// <summary>
    /// The floor for .xlsx (and .ods with <paramref name="part"/> content.xml): a bare XmlReader over the sheet XML,
    /// counting text nodes.
    /// </summary>
    private static long BareXml(string file, string? part = null)
    {
        using var zip = ZipFile.OpenRead(file);
        using var sheet = part is not null ? zip.GetEntry(part)!.Open()
            : zip.GetEntry("xl/worksheets/sheet1.xml")?.Open() ?? zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open();
        using var reader = XmlReader.Create(sheet, new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        long values = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                values++;
            }
        }

        return values;
    }

    /// <summary>The floor for .csv: CsvHelper's SIMD reader touching every field as bytes.</summary>
    private static long BareCsv(string file)
    {
        using var reader = CsvReader.FromFile(file, new CsvReaderOptions { HasHeader = false, Separator = ',' });
        long fields = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                fields += reader.GetSpan(i).IsEmpty ? 0 : 1;
            }
        }

        return fields;
    }
}
