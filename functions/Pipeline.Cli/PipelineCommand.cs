using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Feed;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Publication;
using Pipeline.Core.Templates;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Development;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline</c>: the department and operator tool (contract §6). Every verb runs the same services
/// as the Functions app; nothing here parses, validates or aggregates on its own.
/// </summary>
public static class PipelineCommand
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;

    private const string UsageLine = "usage: pipeline (validate|ingest) --department D FILE… | replay BLOB… | aggregate [--out DIR] | template --department D --out FILE.xlsx | demo [--out DIR]  (--verbose: whole errors)";

    /// <summary>Runs the command line; <paramref name="settings"/> add to the environment (tests use it).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? settings = null)
    {
        var verbose = new Option<bool>("--verbose") { Description = "print the whole exception when something fails", Recursive = true };
        var root = Build(output, error, settings);
        root.Options.Add(verbose);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(e.Message);
            }

            await error.WriteLineAsync(UsageLine);
            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One or two lines that say what failed and what to do; the stack trace only on request.
            foreach (var line in CliFailure.Explain(e, settings))
            {
                await error.WriteLineAsync(line);
            }

            if (parse.GetValue(verbose))
            {
                await error.WriteLineAsync(e.ToString());
            }

            return Rejected;
        }
    }

    /// <summary>Refuses argument values that look like options: an unknown option is a usage error, never a file name.</summary>
    private static void NoUnknownOptions(System.CommandLine.Parsing.ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
        {
            result.AddError($"unknown option '{token.Value}'");
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var department = new Option<string>("--department", "-d") { Description = "所属ID / department id (for example shakyo)", Required = true };
        var files = new Argument<FileInfo[]>("FILE") { Description = ".xlsx, .xls or .csv files", Arity = ArgumentArity.OneOrMore };
        files.Validators.Add(NoUnknownOptions);
        var json = new Option<bool>("--json") { Description = "print the reports as JSON" };

        var validate = new Command("validate", "ファイルを検査する（保存しない） / check files without storing them; exit 1 if any would be rejected") { department, files, json };
        validate.SetAction((parse, ct) => ValidateAsync(parse.GetRequiredValue(department), parse.GetRequiredValue(files), parse.GetValue(json), output, settings, ct));

        var ingest = new Command("ingest", "アップロードして取り込む / upload to uploads/D/ and ingest as the blob trigger does; exit 1 if any is rejected") { department, files, json };
        ingest.SetAction((parse, ct) => IngestAsync(parse.GetRequiredValue(department), parse.GetRequiredValue(files), parse.GetValue(json), output, settings, ct));

        var blobs = new Argument<string[]>("BLOB") { Description = "blob names under uploads/, such as shakyo/R5.xlsx", Arity = ArgumentArity.OneOrMore };
        blobs.Validators.Add(NoUnknownOptions);
        var replay = new Command("replay", "アップロード済みのファイルを再処理する / run ingestion again for uploads that failed") { blobs, json };
        replay.SetAction((parse, ct) => ReplayAsync(parse.GetRequiredValue(blobs), parse.GetValue(json), output, error, settings, ct));

        var outDir = new Option<DirectoryInfo?>("--out") { Description = "also write the published files under this folder, at their blob paths" };
        var aggregate = new Command("aggregate", "夜間集計と公開を今すぐ実行する / run the nightly aggregation and publication now") { outDir };
        aggregate.SetAction((parse, ct) => AggregateAsync(parse.GetValue(outDir), output, settings, ct));

        var templateOut = new Option<FileInfo>("--out") { Description = "the .xlsx to write", Required = true };
        var template = new Command("template", "提出用テンプレートを作る / write a department's submission template") { department, templateOut };
        template.SetAction(parse => Template(parse.GetRequiredValue(department), parse.GetRequiredValue(templateOut), output, error, settings));

        var demoOut = new Option<DirectoryInfo?>("--out") { Description = "where the feed and dashboard go (default ./out)" };
        var demo = new Command("demo", "samples/ を Azurite で一通り実行する / everything on samples/ against an Azurite it starts itself") { demoOut };
        demo.SetAction((parse, ct) => DemoAsync(parse.GetValue(demoOut), output, settings, ct));

        return new RootCommand("第4次熊本市地域福祉計画 進捗データパイプライン / Kumamoto City community welfare plan progress pipeline")
        {
            validate, ingest, replay, aggregate, template, demo,
        };
    }

    private static async Task<int> ValidateAsync(string departmentId, FileInfo[] files, bool json, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        var ingestion = host.Get<IngestionService>();
        var reports = new List<UploadReport>();
        foreach (var file in files)
        {
            await using var stream = file.OpenRead();
            var report = await ingestion.ValidateAsync(departmentId, file.Name, stream, ct);
            reports.Add(report);
            if (!json)
            {
                ConsoleText.Report(output, file.Name, report);
            }
        }

        return await Finish(reports, json, output);
    }

    private static Task<int> IngestAsync(string departmentId, FileInfo[] files, bool json, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct) =>
        IngestAsync(files.Select(f => (departmentId, f)).ToArray(), json, output, settings, ct);

    private static async Task<int> IngestAsync((string Department, FileInfo File)[] files, bool json, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        var storage = host.Get<StorageAccount>();
        var uploads = await storage.ContainerAsync(StorageNames.UploadsContainer, ct);
        var reports = new List<UploadReport>();
        for (var i = 0; i < files.Length; i++)
        {
            var blob = uploads.GetBlobClient($"{files[i].Department}/{files[i].File.Name}");
            await using (var stream = files[i].File.OpenRead())
            {
                await blob.UploadAsync(stream, overwrite: true, ct);
            }

            var result = await host.Get<BlobIngestor>().IngestAsync(blob, ct);
            reports.Add(result.Report);
            if (!json)
            {
                await output.WriteAsync($"[{i + 1}/{files.Length}] ");
                ConsoleText.Report(output, blob.Name, result.Report);
            }
        }

        return await Finish(reports, json, output);
    }

    private static async Task<int> ReplayAsync(string[] blobNames, bool json, TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        var uploads = await host.Get<StorageAccount>().ContainerAsync(StorageNames.UploadsContainer, ct);
        var reports = new List<UploadReport>();
        foreach (var name in blobNames)
        {
            var blob = uploads.GetBlobClient(name);
            if (!await blob.ExistsAsync(ct))
            {
                await error.WriteLineAsync($"{uploads.Name}/{name}: アップロードが見つかりません / no such upload");
                return Rejected;
            }

            var result = await host.Get<BlobIngestor>().IngestAsync(blob, ct);
            reports.Add(result.Report);
            if (!json)
            {
                ConsoleText.Report(output, name, result.Report);
            }
        }

        return await Finish(reports, json, output);
    }

    private static async Task<int> AggregateAsync(DirectoryInfo? outDir, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        var run = await host.Get<NightlyAggregationService>().RunAsync(ct);
        await output.WriteLineAsync($"{run.Observations} observations from {run.AcceptedUploads} accepted uploads; feed {(run.Published ? "published" : "unchanged")} ({run.ContentHash[..12]})");
        if (outDir is not null)
        {
            await WriteFilesAsync(outDir, run.Feed, ct);
            await output.WriteLineAsync($"written under {Path.Combine(outDir.FullName, FeedFiles.Folder(run.Feed.Plan.Id))}");
        }

        ConsoleText.ProgressTable(output, run.Feed);
        return Ok;
    }

    private static int Template(string departmentId, FileInfo file, TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        using var host = CliHost.Build(settings);
        var plan = host.Get<Plan>();
        if (plan.FindDepartment(departmentId) is not { } department)
        {
            error.WriteLine($"unknown department '{departmentId}' (known: {string.Join(", ", plan.Departments.Select(d => d.Id))})");
            error.WriteLine(UsageLine);
            return Usage;
        }

        file.Directory?.Create();
        using (var stream = file.Create())
        {
            SubmissionTemplate.Write(plan, department, stream);
        }

        output.WriteLine($"{file.FullName}: {department.Name.Ja} の提出用テンプレート / submission template for {department.Id}");
        return Ok;
    }

    private static async Task<int> DemoAsync(DirectoryInfo? outDir, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        var root = RepositoryRoot.Find();
        outDir ??= new DirectoryInfo(Path.Combine(root, "out"));
        await output.WriteLineAsync("Starting Azurite (in memory, free ports)…");
        using var azurite = AzuriteProcess.StartOnFreePorts(root);
        var demoSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [PipelineHostExtensions.StorageSetting] = azurite.ConnectionString,
        };
        await output.WriteLineAsync($"Azurite: blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}");

        var samples = Path.Combine(root, "samples", "submissions");
        var files = Directory.EnumerateDirectories(samples).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(d), new FileInfo(f))))
            .ToArray();
        var worst = await IngestAsync(files, json: false, output, demoSettings, ct);

        await output.WriteLineAsync();
        await AggregateAsync(outDir, output, demoSettings, ct);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Dashboard: {Path.Combine(outDir.FullName, FeedFiles.Folder(BuiltInPlans.KumamotoWelfare4), "index.html")}");
        return worst;
    }

    private static async Task WriteFilesAsync(DirectoryInfo outDir, ProgressFeed feed, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(outDir.FullName, FeedFiles.Folder(feed.Plan.Id)));
        foreach (var file in FeedFiles.Create(feed))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, file.Name), file.Content, ct);
        }
    }

    private static async Task<int> Finish(List<UploadReport> reports, bool json, TextWriter output)
    {
        if (json)
        {
            await output.WriteLineAsync("[" + string.Join(",", reports.Select(r => System.Text.Encoding.UTF8.GetString(r.ToJson()))) + "]");
        }

        return reports.All(r => r.Status is "accepted" or "duplicate") ? Ok : Rejected;
    }
}
