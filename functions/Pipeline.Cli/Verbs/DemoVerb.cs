using System.CommandLine;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline demo [--plan P] [--out DIR] [--as-of yyyy-MM-dd]</c>: every sample plan (or P) against an Azurite it
/// starts itself, as on today (or that day, JST). The
/// default plan's department files are <c>samples/submissions/{departmentId}/</c>; another plan's are
/// <c>samples/plans/{planId}/{departmentId}/</c>, beside its plan file <c>samples/plans/{planId}.json</c>.
/// </summary>
internal static class DemoVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var plan = VerbOptions.Plan();
        var demoOut =
            new Option<DirectoryInfo?>("--out") { Description = "where the feed and dashboard go (default ./out)" };
        var asOf = VerbOptions.AsOf();
        var demo = new Command("demo",
            "samples/ を Azurite で一通り実行する / everything on samples/ (every sample plan, or --plan P) against an " +
                "Azurite it starts itself")
        {
            plan, demoOut, asOf,
        };
        demo.SetAction(async (parse, ct) => await AsOfClock.FromOptionAsync(parse.GetValue(asOf), error) is { } clock
            ? await RunAsync(parse.GetValue(plan), parse.GetValue(demoOut), output, error, settings, clock, ct)
            : ExitCode.Usage);
        return demo;
    }

    /// <summary>The demo, every verb it runs judging by <paramref name="clock"/> (<c>--as-of</c>).</summary>
    public static async Task<int> RunAsync(string? planId, DirectoryInfo? outDir, TextWriter output, TextWriter error,
        IDictionary<string, string?>? settings, TimeProvider clock, CancellationToken ct)
    {
        var root = RepositoryRoot.Find();
        outDir ??= new DirectoryInfo(Path.Combine(root, "out"));
        var samplePlans = Path.Combine(root, "samples", "plans");
        var demoSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        demoSettings.TryAdd($"{PipelineOptions.Section}:{nameof(PipelineOptions.PlansPath)}", samplePlans);

        PlanSet plans;
        using (var host = CliHost.Build(demoSettings, clock))
        {
            if (planId is not null && PlanOption.Resolve(host, planId, error) is null)
            {
                return ExitCode.Usage;
            }

            plans = host.Get<PlanSet>();
        }

        await output.WriteLineAsync("Starting Azurite (in memory, free ports)…");
        using var azurite = AzuriteProcess.StartOnFreePorts(root);
        demoSettings[PipelineHostExtensions.StorageSetting] = azurite.ConnectionString;
        await output.WriteLineAsync(
            $"Azurite: blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}");

        var files = plans.Plans.Where(p => planId is null || p.Id.Value == planId)
            .SelectMany(p =>
                SampleFiles(p.Id, p.Id.Value == plans.DefaultPlanId ? Path.Combine(root, "samples", "submissions")
                    : Path.Combine(samplePlans, p.Id.Value)))
            .ToArray();
        var worst = await IngestVerb.IngestAsync(files, json: false, output, demoSettings, ct, clock);

        await output.WriteLineAsync();
        await AggregateVerb.RunAsync(planId, outDir, output, error, demoSettings, ct, clock: clock);
        foreach (var plan in plans.Plans.Where(p => planId is null || p.Id.Value == planId))
        {
            await output.WriteLineAsync(
                $"Dashboard: {Path.Combine(outDir.FullName, FeedPaths.Folder(plan.Id), FeedPaths.DashboardName)}");
        }

        await output.WriteLineAsync($"Plans: {Path.Combine(outDir.FullName, FeedPaths.LandingPath)}");
        return worst;
    }

    private static IEnumerable<(PlanId? PlanId, DepartmentId DepartmentId, FileInfo File)> SampleFiles(
        PlanId planId, string folder) =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal)
                .Select(f => ((PlanId?)planId, DepartmentId.Parse(Path.GetFileName(d)), new FileInfo(f))));
}
