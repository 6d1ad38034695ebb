using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publication;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Functions;

/// <summary>
/// The nightly aggregation and publication. The schedule is the app setting NightlyAggregationSchedule,
/// by default <c>0 0 17 * * *</c>: 17:00 UTC is 02:00 JST. It is written in UTC because the Flex
/// Consumption plan ignores WEBSITE_TIME_ZONE and always runs timers in UTC.
/// After publication it sweeps the staged rows of uploads rejected or failed more than a day ago.
/// </summary>
public sealed class NightlyAggregation(NightlyAggregationService aggregation, StagedRowSweeper sweeper)
{
    [Function(nameof(NightlyAggregation))]
    public async Task Run([TimerTrigger("%NightlyAggregationSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await aggregation.RunAsync(cancellationToken);
        await sweeper.SweepAsync(cancellationToken);
    }
}
