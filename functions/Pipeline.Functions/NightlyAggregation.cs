using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Publication;

namespace Pipeline.Functions;

/// <summary>
/// The nightly timer: maintenance, then one message per plan that needs work on <c>plan-aggregation</c>
/// (docs/storage-and-publication.md). The schedule is the app setting NightlyAggregationSchedule, by default
/// <c>0 0 17 * * *</c>: 17:00 UTC is 02:00 JST, in UTC because Flex Consumption ignores WEBSITE_TIME_ZONE.
/// </summary>
public sealed class NightlyAggregation(NightlyDispatch dispatch)
{
    [Function(nameof(NightlyAggregation))]
    [QueueOutput(StorageNames.PlanQueue, Connection = "AzureWebJobsStorage")]
    public async Task<string[]> Run([TimerTrigger("%NightlyAggregationSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        [.. (await dispatch.DispatchAsync(cancellationToken)).Select(m => m.ToJson())];
}
