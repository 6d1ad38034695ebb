using System.CommandLine;
using Pipeline.Application.Publication;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline report [--plan P] [--fiscal-year FY] --out FILE.docx</c>: the committee's report of a fiscal year
/// (RULES.md
/// §10) from the plan's published feed; by default the year published beside the feed (the last whose results were
/// due).
/// </summary>
internal static class ReportVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var plan = VerbOptions.Plan();
        var fiscalYear =
            new Option<int?>("--fiscal-year") { Description =
                "年度 / the fiscal year, such as 2024 (default: the last whose results were due)" };
        var file = new Option<FileInfo>("--out") { Description = "the .docx to write", Required = true };
        var report =
            new Command("report", "推進会議の進捗状況報告書（.docx）を作る / write the committee's report of a fiscal year") { plan,
                fiscalYear, file };
        report.SetAction((parse, ct) =>
            RunAsync(parse.GetValue(plan), parse.GetValue(fiscalYear), parse.GetRequiredValue(file),
            output, error, settings, ct));
        return report;
    }

    private static async Task<int> RunAsync(
        string? planId, int? fiscalYear, FileInfo file, TextWriter output, TextWriter error, IDictionary<string,
            string?>? settings,
        CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        if (PlanOption.Resolve(host, planId, error) is not { } plan)
        {
            return ExitCode.Usage;
        }

        if (fiscalYear is { } fy && (fy < plan.StartFiscalYear.Value || fy > plan.EndFiscalYear.Value))
        {
            await error.WriteLineAsync(
                $"--fiscal-year {fy} lies outside {plan.Id} (FY{plan.StartFiscalYear}–FY{plan.EndFiscalYear})");
            await error.WriteLineAsync(ExitCode.UsageLine);
            return ExitCode.Usage;
        }

        if (await host.Get<CommitteeReportService>().WriteAsync(plan, fiscalYear, ct) is not { } docx)
        {
            await error.WriteLineAsync($"pipeline: {plan.Id} has no published feed yet");
            await error.WriteLineAsync($"run `pipeline aggregate --plan {plan.Id}` first");
            return ExitCode.Rejected;
        }

        file.Directory?.Create();
        await File.WriteAllBytesAsync(file.FullName, docx, ct);
        await output.WriteLineAsync($"{file.FullName}: {plan.Name.Ja} 進捗状況報告書 / the committee's report of {plan.Id}");
        return ExitCode.Ok;
    }
}
