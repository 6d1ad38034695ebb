using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// RULES.md §8: every change to a value, from the stored history (every committed upload's rows are kept).
/// For each indicator / FY / area / month the rows are taken in the order their uploads were received
/// (<see cref="Supersession.Succession"/>); a row that gives a different value than the one standing, or the same
/// value with another flag (速報値 replaced by the final figure, RULES.md §13), is a revision; one that gives the
/// same value and flag only confirms it (and becomes the standing row). A duplicate's row that gives what stands is
/// left out; one that differs (an upload received before it was processed after it) is a revision.
/// </summary>
public static class RevisionHistory
{
    /// <summary>Every revision, oldest first (by the revising upload, in the order uploads were received).</summary>
    public static IReadOnlyList<ValueRevision> Of(IEnumerable<StoredObservation> observations, CommittedUploads uploads)
    {
        var revisions = new List<ValueRevision>();
        foreach (var key in observations
                     .Where(o => uploads.Contains(o.UploadId))
                     .GroupBy(o => (o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month)))
        {
            foreach (var (before, row) in Supersession.Succession(key, uploads, o => o.Order, (a, b) => a.SameAs(b)))
            {
                // A different value, or the same value with another flag (a provisional figure made final).
                if (before is not null && (before.Value != row.Value || before.Flag != row.Flag))
                {
                    revisions.Add(new ValueRevision(before, row));
                }
            }
        }

        return revisions
            .OrderBy(r => r.Current.Order)
            .ThenBy(r => r.Current.IndicatorId, StringComparer.Ordinal)
            .ThenBy(r => r.Current.FiscalYear)
            .ThenBy(r => r.Current.AreaCode, StringComparer.Ordinal)
            .ThenBy(r => r.Current.Month ?? 0)
            .ToList();
    }
}
