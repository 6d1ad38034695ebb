using System.CommandLine;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Calendar;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline plans [--as-of yyyy-MM-dd]</c> (RULES.md §6, §7): the plan set with id, period, status (today's, or
/// that day's), source and validity;
/// every problem of an invalid plan file with its JSON path; exit 1 when a plan file is invalid.
/// </summary>
internal static class PlansVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var asOf = VerbOptions.AsOf();
        var plans = new Command("plans",
            "計画の一覧と定義ファイルの検査 / list the plan set and check every plan file; exit 1 if one is invalid") { asOf };
        plans.SetAction(async (parse, _) => await AsOfClock.FromOptionAsync(parse.GetValue(asOf), error) is { } clock
            ? Run(output, settings, clock)
            : ExitCode.Usage);
        return plans;
    }

    /// <summary>The table, each plan's status as on <paramref name="clock"/>'s day.</summary>
    public static int Run(TextWriter output, IDictionary<string, string?>? settings, TimeProvider clock)
    {
        using var host = CliHost.Build(settings, clock);
        var plans = host.Get<PlanSet>();
        var calendar = host.Get<JapanCalendar>();
        string[] headers = ["計画 plan", "期間 period", "状況 status", "定義 source", "検査 validity"];
        var rows = plans.Entries.Select(e => new[]
        {
            e.Id + (e.Id == plans.DefaultPlanId ? " (default)" : ""),
            e.Plan is { } p ? $"FY{p.StartFiscalYear}–FY{p.EndFiscalYear}" : "—",
            e.Plan is { } q ? PipelineJson.Name(calendar.StatusOf(q)) : "not served",
            e.Source,
            e.IsValid ? "ok" : $"invalid: {e.Problems.Count} problem(s)",
        }).ToList();
        ConsoleText.Table(output, headers, rows);
        foreach (var entry in plans.Entries.Where(e => !e.IsValid))
        {
            output.WriteLine();
            output.WriteLine($"{entry.Source} ({entry.Id}):");
            foreach (var problem in entry.Problems)
            {
                output.WriteLine($"  {problem.Path}: {problem.Message}");
            }
        }

        return plans.HasInvalidPlans ? ExitCode.Rejected : ExitCode.Ok;
    }
}
