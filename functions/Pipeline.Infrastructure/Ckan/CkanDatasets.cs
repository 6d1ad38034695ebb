using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Infrastructure.Ckan;

/// <summary>
/// Which CKAN dataset each plan is pushed to (docs/settings.md): <c>Ckan__Datasets__{planId}</c>, and
/// <c>Ckan__DatasetId</c> for the default plan. A plan without one is not pushed. Two plans never share a
/// dataset (each would overwrite the other's progress.json), and the default plan's two settings, where both
/// are given, must agree: a plan caught in either is not pushed, with an error logged, while its blob
/// feed is published as ever (a portal's settings never stop the city's own open data).
/// </summary>
public sealed partial class CkanDatasets
{
    private readonly FrozenDictionary<string, string> _byPlan;

    private CkanDatasets(FrozenDictionary<string, string> byPlan) => _byPlan = byPlan;

    /// <summary>Plan id → dataset, for every plan that has one.</summary>
    public IReadOnlyDictionary<string, string> ByPlan => _byPlan;

    /// <summary>The dataset of a plan, or null where it has none.</summary>
    public string? For(string planId) => _byPlan.GetValueOrDefault(planId);

    /// <summary>
    /// The datasets of the settings for the plans of <paramref name="plans"/>. A dataset named for a plan id the
    /// set does not know is logged as a warning (a typo, or a plan file not deployed) and kept; a plan whose
    /// settings conflict (see the type) is logged as an error and left without a dataset.
    /// </summary>
    public static CkanDatasets From(CkanOptions options, PlanSet plans, ILogger logger)
    {
        var byPlan = options.Datasets.Where(d => !string.IsNullOrWhiteSpace(d.Value))
            .ToDictionary(d => d.Key, d => d.Value.Trim(), StringComparer.Ordinal);
        var defaultPlan = plans.DefaultPlanId;
        var single = options.DatasetId.Trim();
        if (single.Length > 0)
        {
            if (byPlan.TryGetValue(defaultPlan, out var named)
                && !string.Equals(named, single, StringComparison.OrdinalIgnoreCase))
            {
                LogTwoDatasets(logger, single, defaultPlan, named);
                byPlan.Remove(defaultPlan);
            }
            else
            {
                byPlan[defaultPlan] = single;
            }
        }

        // CKAN ids and names are matched without regard to case.
        foreach (var shared in byPlan.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .ToArray())
        {
            LogSharedDataset(logger, string.Join(", ", shared.Select(p => p.Key).Order(StringComparer.Ordinal)),
                shared.Key);
            foreach (var plan in shared)
            {
                byPlan.Remove(plan.Key);
            }
        }

        foreach (var unknown in byPlan.Keys.Where(id => plans.Entry(id) is null).Order(StringComparer.Ordinal))
        {
            LogUnknownPlan(logger, unknown, byPlan[unknown], string.Join(", ", plans.Entries.Select(e => e.Id)));
        }

        return new CkanDatasets(byPlan.ToFrozenDictionary(StringComparer.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message =
            "Ckan__DatasetId ('{DatasetId}') and Ckan__Datasets__{PlanId} ('{Named}') name two datasets for the " +
                "default plan {PlanId}: it is not pushed until one of them is removed; its blob feed is published")]
    private static partial void LogTwoDatasets(ILogger logger, string datasetId, string planId, string named);

    [LoggerMessage(Level = LogLevel.Error,
        Message =
            "Plans {Plans} are all set to CKAN dataset '{DatasetId}': none of them is pushed until each has a " +
                "dataset of its own (Ckan__Datasets__{{planId}}); their blob feeds are published")]
    private static partial void LogSharedDataset(ILogger logger, string plans, string datasetId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message =
            "Ckan__Datasets__{PlanId} names dataset {DatasetId} for a plan the plan set does not have ({Plans}); " +
                "nothing is pushed to it")]
    private static partial void LogUnknownPlan(ILogger logger, string planId, string datasetId, string plans);
}
