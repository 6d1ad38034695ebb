using Microsoft.Azure.Functions.Worker;
using Pipeline.Testing;
using Pipeline.Application.Publication;
using Pipeline.Functions;

namespace Pipeline.Integration.Tests;

/// <summary>The nightly run as the Functions host runs it: the timer function, then the queue function on each message it enqueued.</summary>
internal static class Nightly
{
    /// <summary>Runs the timer and returns the messages it would enqueue, without delivering them.</summary>
    public static async Task<string[]> DispatchAsync(TestPipeline pipeline) =>
        await new NightlyAggregation(pipeline.Get<NightlyDispatch>()).Run(new TimerInfo(), CancellationToken.None);

    /// <summary>Delivers one message to the queue function, as the queue trigger would.</summary>
    public static Task DeliverAsync(TestPipeline pipeline, string message) =>
        new AggregatePlan(pipeline.Get<PlanWorker>()).Run(message, CancellationToken.None);

    /// <summary>The timer, then every message it enqueued delivered once; returns the messages.</summary>
    public static async Task<string[]> RunAsync(TestPipeline pipeline)
    {
        var messages = await DispatchAsync(pipeline);
        foreach (var message in messages)
        {
            await DeliverAsync(pipeline, message);
        }

        return messages;
    }
}
