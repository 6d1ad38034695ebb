using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publication;

namespace Pipeline.Functions;

/// <summary>
/// The nightly aggregation and publication. The schedule is the app setting NightlyAggregationSchedule,
/// by default <c>0 0 17 * * *</c>: 17:00 UTC is 02:00 JST. It is written in UTC because the Flex
/// Consumption plan ignores WEBSITE_TIME_ZONE and always runs timers in UTC.
/// </summary>
public sealed class NightlyAggregation(NightlyAggregationService aggregation)
{
    [Function(nameof(NightlyAggregation))]
    public Task Run([TimerTrigger("%NightlyAggregationSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        aggregation.RunAsync(cancellationToken);
}
