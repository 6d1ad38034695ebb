using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Publication;

/// <summary>
/// The nightly run in one process (<c>pipeline aggregate</c>, <c>serve</c>, the tests): the same decision
/// and per-plan work as the timer and the queue function (<see cref="NightlyDispatch"/>, <see cref="PlanWorker"/>),
/// one plan after another, then the index of plans and the landing page once (RULES.md §7). A plan file
/// that is not served is logged with its problems and leaves the others alone.
/// </summary>
public sealed partial class NightlyAggregationService(
    IPlanSetSource planSource,
    PlanDecision decision,
    PlanWorker worker,
    PlanIndexPublisher index,
    ILogger<NightlyAggregationService> logger)
{
    /// <summary>The full run: every served plan recomputed (as <c>pipeline aggregate --force</c>); still publishes only
    /// what changed.</summary>
    public Task<NightlyRun> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(new NightlyRequest(Force: true), cancellationToken);

    /// <summary>Recomputes the plans of the request that need it (all of them with <see
    /// cref="NightlyRequest.Force"/>).</summary>
    public async Task<NightlyRun> RunAsync(NightlyRequest request, CancellationToken cancellationToken)
    {
        var plans = await planSource.CurrentAsync(cancellationToken);
        IReadOnlyList<Plan> scope = request.PlanId is null ? plans.Plans
            : [plans.Find(request.PlanId)
                ?? throw new ArgumentException($"Plan '{request.PlanId}' is not served.", nameof(request))];
        var runs = new List<AggregationRun>();
        var messages = await decision.DecideAsync(plans, scope, request.Force, cancellationToken);
        foreach (var message in messages)
        {
            var outcome = await worker.HandleAsync(message, publishIndex: false, cancellationToken);
            if (outcome.Run is { } run)
            {
                runs.Add(run);
            }
        }

        var recomputed = runs.Select(r => r.Feed.Plan.Id).ToHashSet(StringComparer.Ordinal);
        var unchanged = scope.Where(p => !recomputed.Contains(p.Id.Value))
            .Select(p => new PlanOutcome(p.Id.Value, null, null, PlanSkip.UpToDate)).ToList();
        var notServed = plans.Entries.Where(e => !e.IsValid).ToList();
        foreach (var entry in notServed)
        {
            LogNotServed(entry.Id, entry.Source, entry.Problems.Count, string.Join("; ", entry.Problems));
        }

        var (document, published) = await index.PublishAsync(cancellationToken);
        return new NightlyRun(runs, unchanged, notServed, published, document);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Plan file {Source} (plan {PlanId}) is not served: {Count} problem(s): {Problems}")]
    private partial void LogNotServed(string planId, string source, int count, string problems);
}
