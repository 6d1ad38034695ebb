using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>Observations and evaluations, stored under the upload that brought them.</summary>
public interface IObservationStore
{
    /// <summary>Writes some of an upload's rows; idempotent; invisible until the ledger commits the upload.</summary>
    Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<Observation> observations,
        IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken);

    /// <summary>Every stored observation of a plan, committed or not; the reader joins with the ledger.</summary>
    IAsyncEnumerable<StoredObservation> ObservationsAsync(Plan plan, CancellationToken cancellationToken);

    /// <summary>Every stored evaluation of a plan, committed or not.</summary>
    IAsyncEnumerable<StoredEvaluation> EvaluationsAsync(Plan plan, CancellationToken cancellationToken);
}
