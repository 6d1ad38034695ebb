using Pipeline.Core.Ports;

namespace Pipeline.Core.Aggregation;

/// <summary>A stored value (indicator / FY / area / month) that a later accepted upload replaced with a different one.</summary>
public sealed record ValueRevision(StoredObservation Previous, StoredObservation Current);
