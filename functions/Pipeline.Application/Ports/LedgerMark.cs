namespace Pipeline.Application.Ports;

/// <summary>
/// The accepted uploads of a plan as the ledger's per-department markers tell them: <see cref="CommitsHash"/>, a
/// hash of every department's latest commit, changes with every commit; the latest upload (by commit time) is kept
/// for the operator.
/// </summary>
public sealed record LedgerMark(string CommitsHash, string? LatestUploadId, DateTimeOffset? LatestAcceptedAt)
{
    /// <summary>A plan no upload was ever committed for.</summary>
    public static readonly LedgerMark None = new("none", null, null);
}
