using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Catalogue;

namespace Pipeline.Infrastructure.Ckan;

/// <summary>
/// Which CKAN dataset each plan is pushed to (README, "Settings"): <c>Ckan__Datasets__{planId}</c>, and
/// <c>Ckan__DatasetId</c> for the default plan. A plan without one is not pushed. Two plans never share a
/// dataset (each would overwrite the other's progress.json), and the default plan's two settings, where both
/// are given, must agree: either is a configuration error that stops the push before any request.
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
    /// The datasets of the settings for the plans of <paramref name="plans"/>; a dataset named for a plan id the
    /// set does not know is logged as a warning (a typo, or a plan file not deployed) and kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two plans on one dataset, or two different datasets for the default plan.</exception>
    public static CkanDatasets From(CkanOptions options, PlanSet plans, ILogger logger)
    {
        var byPlan = options.Datasets.Where(d => !string.IsNullOrWhiteSpace(d.Value))
            .ToDictionary(d => d.Key, d => d.Value.Trim(), StringComparer.Ordinal);
        var defaultPlan = plans.DefaultPlanId;
        var single = options.DatasetId.Trim();
        if (single.Length > 0)
        {
            if (byPlan.TryGetValue(defaultPlan, out var named) && named != single)
            {
                throw new InvalidOperationException(
                    $"Ckan__DatasetId ('{single}') and Ckan__Datasets__{defaultPlan} ('{named}') name two datasets for the default plan {defaultPlan}; set one of them.");
            }

            byPlan[defaultPlan] = single;
        }

        // CKAN ids and names are matched without regard to case.
        if (byPlan.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            throw new InvalidOperationException(
                $"Plans {string.Join(", ", shared.Select(p => p.Key).Order(StringComparer.Ordinal))} are all pushed to CKAN dataset '{shared.Key}'; "
                + "each plan needs a dataset of its own (Ckan__Datasets__{planId}).");
        }

        foreach (var unknown in byPlan.Keys.Where(id => plans.Entry(id) is null).Order(StringComparer.Ordinal))
        {
            LogUnknownPlan(logger, unknown, byPlan[unknown], string.Join(", ", plans.Entries.Select(e => e.Id)));
        }

        return new CkanDatasets(byPlan.ToFrozenDictionary(StringComparer.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Ckan__Datasets__{PlanId} names dataset {DatasetId} for a plan the plan set does not have ({Plans}); nothing is pushed to it")]
    private static partial void LogUnknownPlan(ILogger logger, string planId, string datasetId, string plans);
}
