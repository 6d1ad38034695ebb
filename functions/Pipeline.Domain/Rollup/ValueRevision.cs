using Pipeline.Domain.Observations;

namespace Pipeline.Domain.Rollup;

/// <summary>A stored value (indicator / FY / area / month) that a later accepted upload replaced with a different
/// one.</summary>
public sealed record ValueRevision(StoredObservation Previous, StoredObservation Current);
