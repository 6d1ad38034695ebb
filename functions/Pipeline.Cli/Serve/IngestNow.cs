using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Portal.Api;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Publication;
using Pipeline.Domain.Uploads;

namespace Pipeline.Cli.Serve;

/// <summary>
/// <c>pipeline serve</c>'s <see cref="IAfterUpload"/>: ingests each stored upload at once (what the blob trigger
/// does in Azure) and runs the nightly aggregation after an accepted one, one at a time, in the background.
/// </summary>
public sealed partial class IngestNow(IServiceProvider services, ILogger<IngestNow> logger)
    : IAfterUpload, IAfterReview, IAsyncDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly object _gate = new();
    private Task _pending = Task.CompletedTask;

    public void Stored(string blobName)
    {
        lock (_gate)
        {
            _pending = Task.WhenAll(_pending, Task.Run(() => RunAsync(blobName)));
        }
    }

    /// <summary>An approval or a commentary entry (RULES.md §14): the aggregation runs at once.</summary>
    public void Changed(string planId)
    {
        lock (_gate)
        {
            _pending = Task.WhenAll(_pending, Task.Run(() => AggregateAsync(planId)));
        }
    }

    /// <summary>Completes once every upload stored so far is ingested and aggregated.</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            return _pending;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await IdleAsync();
        _oneAtATime.Dispose();
    }

    private async Task RunAsync(string blobName)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            var result = await services.GetRequiredService<UploadIngestion>()
                .IngestAsync(blobName, CancellationToken.None);
            LogIngested(blobName, result.Record.Status);
            if (result.Record.Status == UploadStatus.Accepted)
            {
                var run = await services.GetRequiredService<NightlyAggregationService>()
                    .RunAsync(new NightlyRequest(), CancellationToken.None);
                var observations = run.Plans.Sum(p => p.Observations);
                var published = run.Plans.Any(p => p.Published);
                LogAggregated(observations, published);
            }
        }
        catch (Exception e)
        {
            // No request waits for this work: the log is where the failure is reported, and the upload's
            // report stays absent, so the portal keeps saying "not ready" rather than anything false.
            LogFailed(e, blobName);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task AggregateAsync(string planId)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            var run = await services.GetRequiredService<NightlyAggregationService>()
                .RunAsync(new NightlyRequest(PlanId: planId), CancellationToken.None);
            var observations = run.Plans.Sum(p => p.Observations);
            var published = run.Plans.Any(p => p.Published);
            LogAggregated(observations, published);
        }
        catch (Exception e)
        {
            // No request waits for this work: the log is where the failure is reported.
            LogAggregationFailed(e, planId);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Aggregating {PlanId} after a change in the portal failed")]
    private partial void LogAggregationFailed(Exception exception, string planId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {BlobName}: {Status}")]
    private partial void LogIngested(string blobName, UploadStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Aggregated {Observations} observations; published: {Published}")]
    private partial void LogAggregated(int observations, bool published);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingesting {BlobName} failed")]
    private partial void LogFailed(Exception exception, string blobName);
}
