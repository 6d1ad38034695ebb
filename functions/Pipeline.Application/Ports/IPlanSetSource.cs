using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Ports;

/// <summary>
/// The plan set as it stands now (RULES.md §7): where plan files can change under a running app (the plans blob
/// container), each call reads them again (only what changed, by ETag); otherwise the set read at start-up. The
/// nightly run decides and computes with what one call returned, so a warm instance serves an edited plan without a
/// restart and instances started at different times agree on it.
/// </summary>
public interface IPlanSetSource
{
    /// <summary>The plan set now: the same instance while nothing changed.</summary>
    Task<PlanSet> CurrentAsync(CancellationToken cancellationToken);
}
