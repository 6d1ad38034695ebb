namespace Pipeline.Application.Publication;

/// <summary>An in-process nightly run: every plan or one (<see cref="PlanId"/>), and whether to recompute unchanged
/// plans too.</summary>
public sealed record NightlyRequest(bool Force = false, string? PlanId = null);
