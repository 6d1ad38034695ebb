using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Publication;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Spreadsheets.Templates;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline</c>: the department and operator tool (RULES.md §6). Every verb runs the same services
/// as the Functions app; nothing here parses, validates or aggregates on its own.
/// </summary>
public static class PipelineCommand
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;

    internal const string UsageLine = "usage: pipeline (validate|ingest) [--plan P] --department D FILE… | replay BLOB… | aggregate [--plan P] [--force] [--out DIR] | template [--plan P] --department D --out FILE.xlsx | plans | demo [--plan P] [--out DIR] | serve [--port N]  (--verbose: whole errors)";

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
        var files = new Argument<FileInfo[]>("FILE") { Description = ".xlsx, .xls, .ods, .csv, .tsv or .txt files", Arity = ArgumentArity.OneOrMore };
        files.Validators.Add(NoUnknownOptions);
        var json = new Option<bool>("--json") { Description = "print the reports as JSON" };
        var plan = new Option<string?>("--plan", "-p") { Description = "計画ID / plan id (default: the deployment's default plan)" };

        var validate = new Command("validate", "ファイルを検査する（保存しない） / check files without storing them; exit 1 if any would be rejected") { plan, department, files, json };
        validate.SetAction((parse, ct) => ValidateAsync(parse.GetValue(plan), parse.GetRequiredValue(department), parse.GetRequiredValue(files), parse.GetValue(json), output, error, settings, ct));

        var ingest = new Command("ingest", "アップロードして取り込む / upload to uploads/P/D/ (uploads/D/ without --plan) and ingest as the blob trigger does; exit 1 if any is rejected") { plan, department, files, json };
        ingest.SetAction((parse, ct) => IngestAsync(parse.GetValue(plan), parse.GetRequiredValue(department), parse.GetRequiredValue(files), parse.GetValue(json), output, error, settings, ct));

        var blobs = new Argument<string[]>("BLOB") { Description = "blob names under uploads/, such as plan-id/shakyo/R5.xlsx (the plan is in the name)", Arity = ArgumentArity.OneOrMore };
        blobs.Validators.Add(NoUnknownOptions);
        var replay = new Command("replay", "アップロード済みのファイルを再処理する / run ingestion again for uploads that failed") { blobs, json };
        replay.SetAction((parse, ct) => ReplayAsync(parse.GetRequiredValue(blobs), parse.GetValue(json), output, error, settings, ct));

        var outDir = new Option<DirectoryInfo?>("--out") { Description = "also write the published files under this folder, at their blob paths" };
        var force = new Option<bool>("--force") { Description = "recompute every plan in scope, changed or not (still publishes only what changed)" };
        var aggregate = new Command("aggregate", "夜間集計と公開を今すぐ実行する / run the nightly aggregation and publication now: every plan that changed (--plan: that plan only; --force: changed or not)") { plan, outDir, force };
        aggregate.SetAction((parse, ct) => AggregateAsync(parse.GetValue(plan), parse.GetValue(outDir), output, error, settings, ct, parse.GetValue(force)));

        var templateOut = new Option<FileInfo>("--out") { Description = "the .xlsx to write", Required = true };
        var template = new Command("template", "提出用テンプレートを作る / write a department's submission template for a plan") { plan, department, templateOut };
        template.SetAction(parse => Template(parse.GetValue(plan), parse.GetRequiredValue(department), parse.GetRequiredValue(templateOut), output, error, settings));

        var plans = new Command("plans", "計画の一覧と定義ファイルの検査 / list the plan set and check every plan file; exit 1 if one is invalid");
        plans.SetAction(_ => PlansVerb.Run(output, settings));

        var demoOut = new Option<DirectoryInfo?>("--out") { Description = "where the feed and dashboard go (default ./out)" };
        var demo = new Command("demo", "samples/ を Azurite で一通り実行する / everything on samples/ (every sample plan, or --plan P) against an Azurite it starts itself") { plan, demoOut };
        demo.SetAction((parse, ct) => DemoVerb.RunAsync(parse.GetValue(plan), parse.GetValue(demoOut), output, error, settings, ct));

        return new RootCommand("計画の成果指標 進捗データパイプライン / progress pipeline for the outcome indicators of municipal plans")
        {
            validate, ingest, replay, aggregate, template, plans, demo, Serve.ServeCommand.Create(output, settings),
        };
    }

    private static async Task<int> ValidateAsync(string? planId, string departmentId, FileInfo[] files, bool json, TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        if (PlanChoice.Resolve(host, planId, error) is not { } plan)
        {
            return Usage;
        }

        var ingestion = host.Get<UploadRouter>().For(plan);
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

    private static async Task<int> IngestAsync(string? planId, string departmentId, FileInfo[] files, bool json, TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using (var host = CliHost.Build(settings))
        {
            if (PlanChoice.Resolve(host, planId, error) is null)
            {
                return Usage;
            }
        }

        // Without --plan the two-part path of the default plan (RULES.md §2); with it, the plan's own prefix.
        var prefix = planId is null ? "" : planId + "/";
        return await IngestAsync(files.Select(f => (prefix + departmentId, f)).ToArray(), json, output, settings, ct);
    }

    /// <summary>Uploads each file under its folder (<c>{planId}/{departmentId}</c> or <c>{departmentId}</c>) and ingests it.</summary>
    internal static async Task<int> IngestAsync((string Folder, FileInfo File)[] files, bool json, TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        var storage = host.Get<StorageAccount>();
        var uploads = await storage.ContainerAsync(StorageNames.UploadsContainer, ct);
        var reports = new List<UploadReport>();
        for (var i = 0; i < files.Length; i++)
        {
            var blob = uploads.GetBlobClient($"{files[i].Folder}/{files[i].File.Name}");
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

    /// <remarks>The same decision and per-plan work as the timer and the queue function, in this process; <paramref name="outDir"/> implies <paramref name="force"/> (every file is written).</remarks>
    internal static async Task<int> AggregateAsync(string? planId, DirectoryInfo? outDir, TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct,
        bool force = false)
    {
        using var host = CliHost.Build(settings);
        if (planId is not null && PlanChoice.Resolve(host, planId, error) is null)
        {
            return Usage;
        }

        var nightly = await host.Get<NightlyAggregationService>().RunAsync(new NightlyRequest(force || outDir is not null, planId), ct);
        foreach (var entry in nightly.NotServed)
        {
            await error.WriteLineAsync($"{entry.Id} ({entry.Source}): 定義に誤りがあるため公開しません / not served, {entry.Problems.Count} problem(s); see `pipeline plans`");
        }

        foreach (var unchanged in nightly.Unchanged)
        {
            await output.WriteLineAsync($"== {unchanged.PlanId}: 前回の公開から変更なし / unchanged since its last publication, not recomputed (--force recomputes) ==");
        }

        foreach (var run in nightly.Plans)
        {
            var plan = run.Feed.Plan;
            await output.WriteLineAsync($"== {plan.Id} {plan.Name.Ja} FY{plan.StartFiscalYear}–FY{plan.EndFiscalYear} ({PipelineJsonName(plan.Status)}) ==");
            await output.WriteLineAsync($"{run.Observations} observations from {run.AcceptedUploads} accepted uploads; feed {(run.Published ? "published" : "unchanged")} ({run.ContentHash[..12]})");
            if (outDir is not null)
            {
                await WriteFilesAsync(outDir, run.Feed, ct);
                await output.WriteLineAsync($"written under {Path.Combine(outDir.FullName, FeedFiles.Folder(plan.Id))}");
            }

            ConsoleText.ProgressTable(output, run.Feed);
            await output.WriteLineAsync();
        }

        if (outDir is not null)
        {
            foreach (var file in PlanIndex.Files(nightly.Index))
            {
                var path = Path.Combine(outDir.FullName, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content, ct);
            }
        }

        await output.WriteLineAsync($"index of {nightly.Index.Plans.Count} plan(s) {(nightly.IndexPublished ? "published" : "unchanged")}: {PlanIndex.JsonPath}, {PlanIndex.LandingPath}");
        return Ok;
    }

    private static string PipelineJsonName(PlanStatus status) => PipelineJson.Name(status);

    private static int Template(string? planId, string departmentId, FileInfo file, TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        using var host = CliHost.Build(settings);
        if (PlanChoice.Resolve(host, planId, error) is not { } plan)
        {
            return Usage;
        }

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

        output.WriteLine($"{file.FullName}: {plan.Name.Ja} {department.Name.Ja} の提出用テンプレート / submission template for {department.Id} of {plan.Id}");
        return Ok;
    }

    private static async Task WriteFilesAsync(DirectoryInfo outDir, ProgressFeed feed, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(outDir.FullName, FeedFiles.Folder(feed.Plan.Id)));
        foreach (var file in FeedFiles.Create(feed))
        {
            var path = Path.Combine(folder.FullName, file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, ct);
        }
    }

    private static async Task<int> Finish(List<UploadReport> reports, bool json, TextWriter output)
    {
        if (json)
        {
            await output.WriteLineAsync("[" + string.Join(",", reports.Select(r => System.Text.Encoding.UTF8.GetString(r.ToJson()))) + "]");
        }

        return reports.All(r => r.Status is UploadStatus.Accepted or UploadStatus.Duplicate) ? Ok : Rejected;
    }
}
