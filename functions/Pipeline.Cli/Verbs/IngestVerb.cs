using System.CommandLine;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline ingest [--plan P] --department D FILE…</c>: uploads each file and ingests it as the blob trigger
/// does (RULES.md §6).
/// </summary>
internal static class IngestVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var (plan, department, files, json) =
            (VerbOptions.Plan(), VerbOptions.Department(), VerbOptions.Files(), VerbOptions.Json());
        var ingest = new Command("ingest", "アップロードして取り込む / upload each file to a folder of its own under uploads/P/D/ "
            + "(uploads/D/ without --plan) and ingest it as the blob trigger does; exit 1 if any is rejected")
        {
            plan, department, files, json,
        };
        ingest.SetAction((parse, ct) => RunAsync(parse.GetValue(plan), parse.GetRequiredValue(department),
            parse.GetRequiredValue(files), parse.GetValue(json), output, error, settings, ct));
        return ingest;
    }

    private static async Task<int> RunAsync(string? planId, string departmentId, FileInfo[] files, bool json,
        TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        Plan? plan;
        using (var host = CliHost.Build(settings))
        {
            plan = PlanOption.Resolve(host, planId, error);
        }

        if (plan is null)
        {
            return ExitCode.Usage;
        }

        // The department's text is read once here: a text that is no department id names no department of any plan.
        if (!DepartmentId.TryParse(departmentId, out var department))
        {
            await error.WriteLineAsync(
                $"unknown department '{departmentId}' " +
                $"(known: {string.Join(", ", plan.Departments.Select(d => d.Id.Value))})");
            await error.WriteLineAsync(ExitCode.UsageLine);
            return ExitCode.Usage;
        }

        var named = planId is null ? (PlanId?)null : plan.Id;

        // Without --plan the two-part path of the default plan (RULES.md §2); with it, the plan's own prefix.
        return await IngestAsync(files.Select(f => (named, department, f)).ToArray(), json, output, settings, ct);
    }

    /// <summary>
    /// Stores each file as a new upload of its department (<c>{planId}/{departmentId}/{folder}/{name}</c>, or
    /// <c>{departmentId}/{folder}/{name}</c> for the default plan: a folder of its own, never an overwrite) and
    /// ingests it.
    /// </summary>
    public static async Task<int> IngestAsync((PlanId? PlanId, DepartmentId DepartmentId, FileInfo File)[] files,
        bool json,
        TextWriter output, IDictionary<string, string?>? settings, CancellationToken ct, TimeProvider? asOfClock = null)
    {
        using var host = CliHost.Build(settings, asOfClock);
        var store = host.Get<IUploadStore>();
        var clock = host.Get<TimeProvider>();
        var reports = new List<UploadReport>();
        for (var i = 0; i < files.Length; i++)
        {
            var folder = UploadFolder.New(clock.GetUtcNow());
            var path = UploadPath.New(files[i].PlanId, files[i].DepartmentId, folder, files[i].File.Name);
            await using (var stream = files[i].File.OpenRead())
            {
                await store.StoreAsync(path, stream, null, ct);
            }

            var result = await host.Get<UploadIngestion>().IngestAsync(path.BlobName, ct);
            reports.Add(result.Report);
            if (!json)
            {
                await output.WriteAsync($"[{i + 1}/{files.Length}] ");
                ConsoleText.Report(output, path.BlobName, result.Report);
            }
        }

        return await ReportsOutcome.FinishAsync(reports, json, output);
    }
}
