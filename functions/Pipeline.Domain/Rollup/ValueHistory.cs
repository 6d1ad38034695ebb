using Pipeline.Domain.Observations;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// A plan's stored rows read once (<see cref="RevisionHistory.Trace"/>): the row that stands for each indicator / FY
/// / area / month, as <see cref="FiscalYearRollup.Current"/> gives them, and every revision, oldest first, as
/// <see cref="RevisionHistory.Of"/> gives them.
/// </summary>
/// <param name="Current">The standing rows.</param>
/// <param name="Revisions">Every change to a value.</param>
public sealed record ValueHistory(IReadOnlyList<StoredObservation> Current, IReadOnlyList<ValueRevision> Revisions);
