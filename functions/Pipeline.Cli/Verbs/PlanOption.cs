using Microsoft.Extensions.Hosting;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Cli.Verbs;

/// <summary><c>--plan P</c> (RULES.md §6): the plan a verb concerns, by default the deployment's default
/// plan.</summary>
internal static class PlanOption
{
    /// <summary>The served plan, or null after telling why (unknown, or its file is invalid) and the usage
    /// line.</summary>
    public static Plan? Resolve(IHost host, string? planId, TextWriter error) =>
        Resolve(host.Get<PlanSet>(), planId, error);

    /// <summary>The served plan of <paramref name="plans"/>, or null after telling why and the usage line.</summary>
    public static Plan? Resolve(PlanSet plans, string? planId, TextWriter error)
    {
        var id = planId ?? plans.DefaultPlanId;
        if (plans.Find(id) is { } plan)
        {
            return plan;
        }

        error.WriteLine(plans.Entry(id) is { } entry
            ? $"計画「{id}」は定義に誤りがあるため使えません / plan '{id}' is not served ({entry.Source}): {entry.Problems.Count} " +
                $"problem(s); see `pipeline plans`"
            : $"計画「{id}」はありません / unknown plan '{id}' (known: {string.Join(", ", plans.Plans.Select(p => p.Id))})");
        error.WriteLine(ExitCode.UsageLine);
        return null;
    }
}
