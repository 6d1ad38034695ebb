using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Publication;

namespace Pipeline.Functions;

/// <summary>Aggregates and publishes one plan from its nightly message (idempotent per message, see <see
/// cref="PlanWorker"/>).</summary>
public sealed class AggregatePlan(PlanWorker worker)
{
    [Function(nameof(AggregatePlan))]
    public Task Run([QueueTrigger(StorageNames.PlanQueue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        worker.HandleAsync(PlanMessage.Parse(message), publishIndex: true, cancellationToken);
}
