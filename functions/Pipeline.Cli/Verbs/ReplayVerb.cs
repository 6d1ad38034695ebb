using System.CommandLine;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Reports;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Cli.Verbs;

/// <summary><c>pipeline replay BLOB…</c>: runs ingestion again for stored uploads, such as ones that failed (RULES.md
/// §6).</summary>
internal static class ReplayVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var blobs =
            new Argument<string[]>("BLOB") { Description =
                "blob names under uploads/, such as plan-id/shakyo/R5.xlsx (the plan is in the name)", Arity =
                    ArgumentArity.OneOrMore };
        blobs.Validators.Add(VerbOptions.NoUnknownOptions);
        var json = VerbOptions.Json();
        var replay =
            new Command("replay", "アップロード済みのファイルを再処理する / run ingestion again for uploads that failed") { blobs, json };
        replay.SetAction((parse, ct) =>
            RunAsync(parse.GetRequiredValue(blobs), parse.GetValue(json), output, error, settings, ct));
        return replay;
    }

    private static async Task<int> RunAsync(string[] blobNames, bool json, TextWriter output, TextWriter error,
        IDictionary<string, string?>? settings, CancellationToken ct)
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
                return ExitCode.Rejected;
            }

            var result = await host.Get<UploadIngestion>().IngestAsync(name, ct);
            reports.Add(result.Report);
            if (!json)
            {
                ConsoleText.Report(output, name, result.Report);
            }
        }

        return await ReportsOutcome.FinishAsync(reports, json, output);
    }
}
