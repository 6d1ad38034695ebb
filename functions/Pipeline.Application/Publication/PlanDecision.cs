using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Publication;

/// <summary>
/// Which plans need work tonight, and why (docs/storage-and-publication.md): a plan is recomputed only when an
/// upload was accepted since its last computation, its plan file or the code changed, a date its feed
/// depends on passed, a portal still lacks its content, or an operator forces it. Reads the ledger's
/// markers and the publication records only, never an observation. The plan set is the caller's, as read for this
/// run (<see cref="IPlanSetSource"/>): a plan file's hash is the one of the file read now.
/// </summary>
public sealed class PlanDecision(
    IAcceptedUploadMarks marks,
    IPublicationRecords records,
    IPortalPushLedger portalPushes,
    IEnumerable<IPortalPublisher> portals,
    JapanCalendar calendar,
    TimeProvider clock)
{
    private const int Parallelism = 8;

    /// <summary>One message per plan of <paramref name="scope"/> (plans of <paramref name="plans"/>) that needs work,
    /// in plan order.</summary>
    public async Task<IReadOnlyList<PlanMessage>> DecideAsync(PlanSet plans, IReadOnlyList<Plan> scope, bool force,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (force)
        {
            return scope.Select(p => new PlanMessage(p.Id.Value, PlanReason.Forced, now, Force: true)).ToList();
        }

        var known = (await records.AllAsync(cancellationToken)).ToDictionary(r => r.PlanId, StringComparer.Ordinal);
        var reasons = new PlanReason?[scope.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, scope.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var plan = scope[i];
                var record = known.GetValueOrDefault(plan.Id.Value);
                reasons[i] = record is null ? PlanReason.First
                    : await ReasonAsync(plan, record, await InputsAsync(plans, plan, now, ct), ct);
            });
        return scope.Select((p, i) => (p, reasons[i])).Where(x => x.Item2 is not null)
            .Select(x => new PlanMessage(x.p.Id.Value, x.Item2!.Value, now)).ToList();
    }

    /// <summary>The plan's inputs now; the ledger's markers are read here, before any computation reads the
    /// ledger.</summary>
    public async Task<(PlanInputs Inputs, LedgerMark Mark)> InputsAndMarkAsync(PlanSet plans, Plan plan,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mark = await marks.LatestAcceptedAsync(plan.Id, cancellationToken);
        return (new PlanInputs(DefinitionHash(plans, plan), ShippedCode.Current, mark.CommitsHash,
            FeedDates.Of(plan, calendar, now)), mark);
    }

    /// <summary>Why the plan needs work given its record and its inputs now; null where it does not.</summary>
    public async Task<PlanReason?> ReasonAsync(Plan plan, PublicationRecord? record, PlanInputs inputs,
        CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return PlanReason.First;
        }

        var reason = record.Inputs.LedgerStamp != inputs.LedgerStamp ? PlanReason.Upload
            : record.Inputs.DefinitionHash != inputs.DefinitionHash ? PlanReason.Definition
            : record.Inputs.CodeVersion != inputs.CodeVersion ? PlanReason.Code
            : record.Inputs.Dates != inputs.Dates ? PlanReason.Calendar
            : (PlanReason?)null;
        if (reason is not null)
        {
            return reason;
        }

        // A portal that publishes this plan and has not taken its published content where the plan now goes is tried
        // again.
        foreach (var portal in portals)
        {
            if (portal.DestinationOf(plan.Id) is { } destination
                && await portalPushes.LastPushedAsync(plan.Id, portal.Name, cancellationToken) != new PortalPushMark(
                    record.ContentHash, destination))
            {
                return PlanReason.Portal;
            }
        }

        return null;
    }

    private async Task<PlanInputs> InputsAsync(PlanSet plans, Plan plan, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        (await InputsAndMarkAsync(plans, plan, now, cancellationToken)).Inputs;

    private static string DefinitionHash(PlanSet plans, Plan plan) =>
        plans.Entry(plan.Id.Value)?.DefinitionHash ?? plan.Id.Value;
}
