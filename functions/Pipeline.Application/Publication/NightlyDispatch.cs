using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Publication;

/// <summary>
/// The nightly timer's part of the fan-out (docs/storage-and-publication.md; at scale: infra/README.md): the
/// maintenance steps, then the index of plans brought in line with the plan set and the records, then one
/// message per plan that needs work, for the queue function <c>AggregatePlan</c> to compute in parallel.
/// Reads no observation.
/// </summary>
public sealed partial class NightlyDispatch(
    IEnumerable<INightlyMaintenance> maintenance,
    IPlanSetSource planSource,
    PlanDecision decision,
    PlanIndexPublisher index,
    ILogger<NightlyDispatch> logger)
{
    /// <summary>The messages to enqueue, one per plan that needs work.</summary>
    public async Task<IReadOnlyList<PlanMessage>> DispatchAsync(CancellationToken cancellationToken)
    {
        // The plan files as they are now (the plans container read again where it changed), for the whole decision.
        var plans = await planSource.CurrentAsync(cancellationToken);
        foreach (var step in maintenance)
        {
            await step.RunAsync(cancellationToken);
        }

        foreach (var entry in plans.Entries.Where(e => !e.IsValid))
        {
            LogNotServed(entry.Id, entry.Source, entry.Problems.Count, string.Join("; ", entry.Problems));
        }

        // A plan dropped from the set leaves the index here; a plan never computed yet joins it when its
        // message is handled (until then the index published before stays, rather than one that lacks it).
        if (await index.CoversEveryPlanAsync(cancellationToken))
        {
            await index.PublishAsync(cancellationToken);
        }

        var messages = await decision.DecideAsync(plans, plans.Plans, force: false, cancellationToken);
        var which = string.Join(", ", messages.Select(m => $"{m.PlanId} ({PipelineJson.Name(m.Reason)})"));
        LogDispatched(messages.Count, plans.Plans.Count, which);
        return messages;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Plan file {Source} (plan {PlanId}) is not served: {Count} problem(s): {Problems}")]
    private partial void LogNotServed(string planId, string source, int count, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly: {Count} of {Plans} plan(s) need work: {Messages}")]
    private partial void LogDispatched(int count, int plans, string messages);
}
