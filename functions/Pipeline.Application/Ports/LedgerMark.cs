namespace Pipeline.Application.Ports;

/// <summary>
/// The accepted uploads of a plan as the ledger's per-department markers tell them: <see cref="Stamp"/>
/// changes with every commit; the latest upload (by commit time) is kept for the operator.
/// </summary>
public sealed record LedgerMark(string Stamp, string? LatestUploadId, DateTimeOffset? LatestAcceptedAt)
{
    /// <summary>A plan no upload was ever committed for.</summary>
    public static readonly LedgerMark None = new("none", null, null);
}
