using System.CommandLine;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline demo [--plan P]</c>: every sample plan (or P) against an Azurite it starts itself. The
/// default plan's department files are <c>samples/submissions/{departmentId}/</c>; another plan's are
/// <c>samples/plans/{planId}/{departmentId}/</c>, beside its plan file <c>samples/plans/{planId}.json</c>.
/// </summary>
internal static class DemoVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var plan = VerbOptions.Plan();
        var demoOut = new Option<DirectoryInfo?>("--out") { Description = "where the feed and dashboard go (default ./out)" };
        var demo = new Command("demo", "samples/ を Azurite で一通り実行する / everything on samples/ (every sample plan, or --plan P) against an Azurite it starts itself") { plan, demoOut };
        demo.SetAction((parse, ct) => RunAsync(parse.GetValue(plan), parse.GetValue(demoOut), output, error, settings, ct));
        return demo;
    }

    public static async Task<int> RunAsync(string? planId, DirectoryInfo? outDir, TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        var root = RepositoryRoot.Find();
        outDir ??= new DirectoryInfo(Path.Combine(root, "out"));
        var samplePlans = Path.Combine(root, "samples", "plans");
        var demoSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        demoSettings.TryAdd($"{PipelineOptions.Section}:{nameof(PipelineOptions.PlansPath)}", samplePlans);

        PlanSet plans;
        using (var host = CliHost.Build(demoSettings))
        {
            if (planId is not null && PlanChoice.Resolve(host, planId, error) is null)
            {
                return ExitCode.Usage;
            }

            plans = host.Get<PlanSet>();
        }

        await output.WriteLineAsync("Starting Azurite (in memory, free ports)…");
        using var azurite = AzuriteProcess.StartOnFreePorts(root);
        demoSettings[PipelineHostExtensions.StorageSetting] = azurite.ConnectionString;
        await output.WriteLineAsync($"Azurite: blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}");

        var files = plans.Plans.Where(p => planId is null || p.Id == planId)
            .SelectMany(p => SampleFiles(p.Id, p.Id == plans.DefaultPlanId ? Path.Combine(root, "samples", "submissions") : Path.Combine(samplePlans, p.Id)))
            .ToArray();
        var worst = await IngestVerb.IngestAsync(files, json: false, output, demoSettings, ct);

        await output.WriteLineAsync();
        await AggregateVerb.RunAsync(planId, outDir, output, error, demoSettings, ct);
        foreach (var plan in plans.Plans.Where(p => planId is null || p.Id == planId))
        {
            await output.WriteLineAsync($"Dashboard: {Path.Combine(outDir.FullName, FeedPaths.Folder(plan.Id), FeedPaths.DashboardName)}");
        }

        await output.WriteLineAsync($"Plans: {Path.Combine(outDir.FullName, FeedPaths.LandingPath)}");
        return worst;
    }

    private static IEnumerable<(string? PlanId, string DepartmentId, FileInfo File)> SampleFiles(
        string planId, string folder) =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal)
                .Select(f => ((string?)planId, Path.GetFileName(d), new FileInfo(f))));
}
