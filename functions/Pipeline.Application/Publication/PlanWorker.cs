using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Publishing.Document;

namespace Pipeline.Application.Publication;

/// <summary>
/// One plan's aggregation and publication from its message (the queue function and <c>pipeline aggregate</c>
/// alike). Idempotent per message: it decides again from the ledger's markers and the plan's record, so a
/// redelivered or duplicated message whose work is done recomputes nothing, and a recomputation whose
/// content did not change writes no blob. The record is written after the publication: a run that dies
/// between them is recomputed next time and publishes nothing new.
/// </summary>
public sealed partial class PlanWorker(
    IPlanSetSource planSource,
    PlanDecision decision,
    PlanPublication publication,
    IPublicationRecords records,
    PlanIndexPublisher index,
    TimeProvider clock,
    ILogger<PlanWorker> logger)
{
    /// <summary>Handles a message; <paramref name="publishIndex"/> also republishes the index when the plan's entry
    /// changed.</summary>
    public async Task<PlanOutcome> HandleAsync(PlanMessage message, bool publishIndex,
        CancellationToken cancellationToken)
    {
        // The plan file as it is now, which may be newer than the one the message was decided with.
        var plans = await planSource.CurrentAsync(cancellationToken);
        if (plans.Find(message.PlanId) is not { } plan)
        {
            LogNotServed(message.PlanId);
            return new PlanOutcome(message.PlanId, null, null, PlanSkip.NotServed);
        }

        var now = clock.GetUtcNow();
        var record = await records.FindAsync(plan.Id, cancellationToken);
        var (inputs, mark) = await decision.InputsAndMarkAsync(plans, plan, now, cancellationToken);
        var reason = message.Force
            ? record is { } done && done.ComputedAt > message.DecidedAt ? null : PlanReason.Forced
            : await decision.ReasonAsync(plan, record, inputs, cancellationToken);
        if (reason is null)
        {
            LogUpToDate(plan.Id.Value, message.Reason, message.DecidedAt);
            if (publishIndex)
            {
                // A delivery that saved the record but died before the index was written: the index is built
                // from the records and written only where it differs, so this finishes that work and is
                // otherwise a read.
                await index.PublishAsync(cancellationToken);
            }

            return new PlanOutcome(plan.Id.Value, null, null, PlanSkip.UpToDate);
        }

        var run = await publication.RunAsync(plan, cancellationToken);
        var entry = PlanIndex.Entry(run.Feed);
        await records.SaveAsync(
            new PublicationRecord(plan.Id.Value, inputs, run.ContentHash, now, mark.LatestUploadId,
                mark.LatestAcceptedAt, entry), cancellationToken);
        LogComputed(plan.Id.Value, reason.Value, run.Published);
        // The deployment's zip holds every plan's files: a plan whose content changed changes it too.
        if (publishIndex
            && (record is null || !SameEntry(record.IndexEntry, entry) || record.ContentHash != run.ContentHash))
        {
            await index.PublishAsync(cancellationToken);
        }

        return new PlanOutcome(plan.Id.Value, reason, run);
    }

    private static bool SameEntry(PlanIndexEntry a, PlanIndexEntry b) =>
        JsonSerializer.Serialize(a, FeedJson.TypeInfo<PlanIndexEntry>()) == JsonSerializer.Serialize(b,
            FeedJson.TypeInfo<PlanIndexEntry>());

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Plan {PlanId} is not served (any more); its message is dropped")]
    private partial void LogNotServed(string planId);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Plan {PlanId} is up to date (message {Reason} decided at {DecidedAt}); nothing done")]
    private partial void LogUpToDate(string planId, PlanReason reason, DateTimeOffset decidedAt);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Plan {PlanId} recomputed ({Reason}); published {Published}")]
    private partial void LogComputed(string planId, PlanReason reason, bool published);
}
