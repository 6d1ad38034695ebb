using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Functions;
using Pipeline.Application.Ingestion;
using Pipeline.Domain.Problems;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defect 8 (ingestion side): an exception of our own code is never reported as a problem of
/// the department's file; it is reported as <c>internal_error</c>, logged with the exception, and
/// rethrown so that the platform delivers the upload again.
/// </summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly TestPipeline _pipeline;
    private int _failuresLeft = 1;
    private readonly Dictionary<string, IObservationStore> _wiring = [];

    public InternalErrorTests()
    {
        _pipeline = new TestPipeline(Azurite.Instance, builder =>
        {
            builder.Logging.AddProvider(_logs);
            builder.Services.AddSingleton<IObservationStore>(sp => new BuggyStore(new TableObservationStore(sp.GetRequiredService<StorageAccount>()), this));
        });
    }

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task An_internal_exception_is_reported_as_internal_error_logged_and_rethrown_not_blamed_on_the_file()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/ours.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));

        await Assert.ThrowsAsync<NullReferenceException>(() => new IngestUpload(_pipeline.Get<UploadIngestion>()).Run(blob, CancellationToken.None));

        var report = await Uploads.ReportAsync(_pipeline, blob.Name);
        Assert.Equal(UploadStatus.Failed, report.Status);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(ProblemCode.InternalError, problem.Code);
        Assert.Contains("ファイルの問題ではありません", problem.Message.Ja, StringComparison.Ordinal);
        Assert.Contains("not the file's", problem.Message.En, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Problems, p => p.Code == ProblemCode.FileUnreadable);
        var logged = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<NullReferenceException>(logged.Exception);
        Assert.Contains("shakyo/ours.csv", logged.Message, StringComparison.Ordinal);
        Assert.Empty((await Uploads.CommittedUploadsAsync(_pipeline)).Records);

        // The platform delivers it again: now it goes through, and the report says so.
        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, blob)).Status);
        Assert.Equal(180m, Assert.Single(await Uploads.CurrentObservationsAsync(_pipeline)).Value);
    }

    /// <summary>The real table store, with a bug of our own in front of it the first time it stages.</summary>
    private sealed class BuggyStore(IObservationStore inner, InternalErrorTests test) : IObservationStore
    {
        public Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<Observation> observations, IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref test._failuresLeft) >= 0
                ? test._wiring.GetValueOrDefault("not wired by mistake")!.StageAsync(plan, upload, observations, evaluations, cancellationToken) // a genuine NullReferenceException
                : inner.StageAsync(plan, upload, observations, evaluations, cancellationToken);

        public IAsyncEnumerable<StoredObservation> ObservationsAsync(Plan plan, CancellationToken cancellationToken) => inner.ObservationsAsync(plan, cancellationToken);

        public IAsyncEnumerable<StoredEvaluation> EvaluationsAsync(Plan plan, CancellationToken cancellationToken) => inner.EvaluationsAsync(plan, cancellationToken);
    }
}
