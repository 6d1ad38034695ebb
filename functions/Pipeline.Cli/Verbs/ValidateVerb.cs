using System.CommandLine;
using Pipeline.Application.Reports;

namespace Pipeline.Cli.Verbs;

/// <summary><c>pipeline validate [--plan P] --department D FILE…</c>: checks files without storing them (RULES.md
/// §6).</summary>
internal static class ValidateVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var (plan, department, files, json) =
            (VerbOptions.Plan(), VerbOptions.Department(), VerbOptions.Files(), VerbOptions.Json());
        var validate =
            new Command("validate",
                "ファイルを検査する（保存しない） / check files without storing them; exit 1 if any would be rejected") { plan,
                    department, files, json };
        validate.SetAction((parse, ct) => RunAsync(parse.GetValue(plan), parse.GetRequiredValue(department),
            parse.GetRequiredValue(files), parse.GetValue(json), output, error, settings, ct));
        return validate;
    }

    private static async Task<int> RunAsync(string? planId, string departmentId, FileInfo[] files, bool json,
        TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken ct)
    {
        if (CliValidation.Resolve(planId, settings, error) is not { } validator)
        {
            return ExitCode.Usage;
        }

        var reports = new List<UploadReport>();
        foreach (var file in files)
        {
            await using var stream = file.OpenRead();
            var report = await validator.ValidateAsync(departmentId, file.Name, stream, ct);
            reports.Add(report);
            if (!json)
            {
                ConsoleText.Report(output, file.Name, report);
            }
        }

        return await ReportsOutcome.FinishAsync(reports, json, output);
    }
}
