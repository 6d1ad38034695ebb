using Pipeline.Domain.Catalogue;
namespace Pipeline.Application.Ports;

/// <summary>
/// Remembers what each portal last took of each plan (keyed by plan and portal, so two plans never share a last
/// push): a <see cref="PortalPushMark"/> of the content and where it went, so that a failed push, new
/// content or a new destination is pushed the next run.
/// </summary>
public interface IPortalPushLedger
{
    /// <summary>The mark of the last push of the plan to the portal, or null where none succeeded.</summary>
    Task<PortalPushMark?> LastPushedAsync(PlanId planId, string portal, CancellationToken cancellationToken);

    /// <summary>Remembers a push that succeeded.</summary>
    Task RecordPushedAsync(PlanId planId, string portal, PortalPushMark mark, CancellationToken cancellationToken);
}
