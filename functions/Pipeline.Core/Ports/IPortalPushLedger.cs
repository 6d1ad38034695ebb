namespace Pipeline.Core.Ports;

/// <summary>
/// Remembers which feed content each portal last took of each plan (keyed by plan and portal, so two plans
/// never share a last push), so a failed push is tried again next run.
/// </summary>
public interface IPortalPushLedger
{
    Task<string?> LastPushedAsync(string planId, string portal, CancellationToken cancellationToken);

    Task RecordPushedAsync(string planId, string portal, string contentHash, CancellationToken cancellationToken);
}
