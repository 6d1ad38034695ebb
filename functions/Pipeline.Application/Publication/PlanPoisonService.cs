using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Publication;

/// <summary>
/// A plan message that failed every delivery lands on <c>plan-aggregation-poison</c>: the failure is noted
/// on the plan's publication record and logged as an error (the poison-plan alert watches this function).
/// The published feed stays as it was; the next nightly run decides about the plan again.
/// </summary>
public sealed partial class PlanPoisonService(IPublicationRecords records, TimeProvider clock,
    ILogger<PlanPoisonService> logger)
{
    public async Task RecordAsync(string message, CancellationToken cancellationToken)
    {
        PlanMessage plan;
        try
        {
            plan = PlanMessage.Parse(message);
        }
        catch (JsonException e)
        {
            LogUnreadable(e, message);
            throw;
        }

        var reason =
            $"aggregation message ({PipelineJson.Name(plan.Reason)}, decided {plan.DecidedAt:O}) failed every " +
                $"delivery; see Application Insights for AggregatePlan";
        await records.RecordFailureAsync(PlanId.Parse(plan.PlanId), reason, clock.GetUtcNow(), cancellationToken);
        LogPoison(plan.PlanId, PipelineJson.Name(plan.Reason), plan.DecidedAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message =
        "Plan {PlanId}: its aggregation message ({Reason}, decided {DecidedAt}) failed every delivery; the feed was " +
            "not updated")]
    private partial void LogPoison(string planId, string reason, DateTimeOffset decidedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A poison plan message that is not a plan message: {Message}")]
    private partial void LogUnreadable(Exception e, string message);
}
