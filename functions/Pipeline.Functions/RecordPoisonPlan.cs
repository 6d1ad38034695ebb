using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Publication;

namespace Pipeline.Functions;

/// <summary>Notes a plan whose aggregation message failed every delivery (the poison-plan alert watches this
/// function).</summary>
public sealed class RecordPoisonPlan(PlanPoisonService poison)
{
    [Function(nameof(RecordPoisonPlan))]
    public Task Run([QueueTrigger(StorageNames.PlanPoisonQueue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        poison.RecordAsync(message, cancellationToken);
}
