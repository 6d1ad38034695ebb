using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// RULES.md §8: every change to a value, from the stored history (every accepted upload's rows are kept).
/// For each indicator / FY / area / month the accepted uploads are taken in the <see cref="Supersession"/>
/// order; an upload that gives a different value than the one standing, or the same value with another flag
/// (速報値 replaced by the final figure, RULES.md §13), is a revision; one that gives the same value and flag only
/// confirms it (and becomes the standing upload). A duplicate upload is never accepted,
/// so it adds nothing.
/// </summary>
public static class RevisionHistory
{
    /// <summary>Every revision, oldest first (by the revising upload, in the supersession order).</summary>
    public static IReadOnlyList<ValueRevision> Of(IEnumerable<StoredObservation> observations, IReadOnlySet<string> acceptedUploads)
    {
        var revisions = new List<ValueRevision>();
        foreach (var key in observations
                     .Where(o => acceptedUploads.Contains(o.UploadId))
                     .GroupBy(o => (o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month)))
        {
            StoredObservation? standing = null;
            foreach (var next in key.OrderBy(o => (o.BlobCreatedOn, o.UploadId), Supersession.Order))
            {
                // A different value, or the same value with another flag (a provisional figure made final).
                if (standing is not null && (standing.Value != next.Value || standing.Flag != next.Flag))
                {
                    revisions.Add(new ValueRevision(standing, next));
                }

                standing = next;
            }
        }

        return revisions
            .OrderBy(r => (r.Current.BlobCreatedOn, r.Current.UploadId), Supersession.Order)
            .ThenBy(r => r.Current.IndicatorId, StringComparer.Ordinal)
            .ThenBy(r => r.Current.FiscalYear)
            .ThenBy(r => r.Current.AreaCode, StringComparer.Ordinal)
            .ThenBy(r => r.Current.Month ?? 0)
            .ToList();
    }
}
