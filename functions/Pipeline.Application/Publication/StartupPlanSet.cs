using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Publication;

/// <summary>The plan set read at start-up, where no plan file can change under the running app (no plans
/// container).</summary>
public sealed class StartupPlanSet(PlanSet plans) : IPlanSetSource
{
    /// <inheritdoc />
    public Task<PlanSet> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(plans);
}
