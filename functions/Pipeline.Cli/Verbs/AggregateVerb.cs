using Pipeline.Domain.Catalogue;
using System.CommandLine;
using Pipeline.Application.Publication;
using Pipeline.Domain.Json;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline aggregate [--plan P] [--force] [--out DIR]</c>: the nightly aggregation and publication, now
/// (RULES.md §6).
/// </summary>
internal static class AggregateVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var plan = VerbOptions.Plan();
        var outDir =
            new Option<DirectoryInfo?>("--out") { Description =
                "also write the published files under this folder, at their blob paths" };
        var force =
            new Option<bool>("--force") { Description =
                "recompute every plan in scope, changed or not (still publishes only what changed)" };
        var aggregate =
            new Command("aggregate",
                "夜間集計と公開を今すぐ実行する / run the nightly aggregation and publication now: every plan that changed (--plan: " +
                    "that plan only; --force: changed or not)") { plan, outDir, force };
        aggregate.SetAction((parse, ct) =>
            RunAsync(parse.GetValue(plan), parse.GetValue(outDir), output, error, settings, ct,
            parse.GetValue(force)));
        return aggregate;
    }

    /// <remarks>The same decision and per-plan work as the timer and the queue function, in this process; <paramref
    /// name="outDir"/> implies <paramref name="force"/> (every file is written).</remarks>
    public static async Task<int> RunAsync(string? planId, DirectoryInfo? outDir, TextWriter output, TextWriter error,
        IDictionary<string, string?>? settings, CancellationToken ct,
        bool force = false, TimeProvider? clock = null)
    {
        using var host = CliHost.Build(settings, clock);
        if (planId is not null && PlanOption.Resolve(host, planId, error) is null)
        {
            return ExitCode.Usage;
        }

        var nightly = await host.Get<NightlyAggregationService>()
            .RunAsync(new NightlyRequest(force || outDir is not null, planId), ct);
        foreach (var entry in nightly.NotServed)
        {
            await error.WriteLineAsync(
                $"{entry.Id} ({entry.Source}): 定義に誤りがあるため公開しません / not served, {entry.Problems.Count} problem(s); see " +
                    $"`pipeline plans`");
        }

        foreach (var unchanged in nightly.Unchanged)
        {
            await output.WriteLineAsync(
                $"== {unchanged.PlanId}: 前回の公開から変更なし / unchanged since its last publication, not recomputed (--force " +
                    $"recomputes) ==");
        }

        foreach (var run in nightly.Plans)
        {
            var plan = run.Feed.Plan;
            await output.WriteLineAsync(
                $"== {plan.Id} {plan.Name.Ja} FY{plan.StartFiscalYear}–FY{plan.EndFiscalYear} " +
                    $"({PipelineJson.Name(plan.Status)}) ==");
            await output.WriteLineAsync(
                $"{run.Observations} observations from {run.AcceptedUploads} accepted uploads; feed " +
                    $"{(run.Published ? "published" : "unchanged")} ({run.ContentHash[..12]})");
            if (outDir is not null)
            {
                await WriteFilesAsync(outDir, run.Feed, ct);
                await output.WriteLineAsync(
                    $"written under {Path.Combine(outDir.FullName, FeedPaths.Folder(PlanId.Parse(plan.Id)))}");
            }

            ConsoleText.ProgressTable(output, run.Feed);
            await output.WriteLineAsync();
        }

        if (outDir is not null)
        {
            // The deployment's zip, from the plans' zips written under --out (this run's plans; others' as left there).
            var zips = nightly.Index.Plans
                .Select(p => (p.Id,
                    Path: Path.Combine(outDir.FullName, FeedPaths.Folder(PlanId.Parse(p.Id)), FeedPaths.ZipName)))
                .Where(p => File.Exists(p.Path))
                    .ToDictionary(p => p.Id, p => File.ReadAllBytes(p.Path), StringComparer.Ordinal);
            foreach (var file in IndexFiles.Create(nightly.Index)
                .Append(FeedFiles.DeploymentArchive(nightly.Index, zips)))
            {
                var path = Path.Combine(outDir.FullName, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content, ct);
            }
        }

        await output.WriteLineAsync(
            $"index of {nightly.Index.Plans.Count} plan(s) {(nightly.IndexPublished ? "published" : "unchanged")}: " +
                $"{FeedPaths.IndexPath}, {FeedPaths.LandingPath}, {FeedPaths.DeploymentZipPath}");
        return ExitCode.Ok;
    }

    private static async Task WriteFilesAsync(DirectoryInfo outDir, ProgressFeed feed, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(
            Path.Combine(outDir.FullName, FeedPaths.Folder(PlanId.Parse(feed.Plan.Id))));
        foreach (var file in FeedFiles.Create(feed))
        {
            var path = Path.Combine(folder.FullName, file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, ct);
        }
    }
}
