using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Benchmarks;

/// <summary>The observation store with a count of the entities read through it (benchmark only, never in production).</summary>
internal sealed class CountingObservationStore(IObservationStore inner) : IObservationStore
{
    private long _read;

    public long Read => Interlocked.Read(ref _read);

    public void Reset() => Interlocked.Exchange(ref _read, 0);

    public Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<Observation> observations, IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken) =>
        inner.StageAsync(plan, upload, observations, evaluations, cancellationToken);

    public async IAsyncEnumerable<StoredObservation> ObservationsAsync(Plan plan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var observation in inner.ObservationsAsync(plan, cancellationToken))
        {
            Interlocked.Increment(ref _read);
            yield return observation;
        }
    }

    public async IAsyncEnumerable<StoredEvaluation> EvaluationsAsync(Plan plan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var evaluation in inner.EvaluationsAsync(plan, cancellationToken))
        {
            Interlocked.Increment(ref _read);
            yield return evaluation;
        }
    }
}
