using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// RULES.md §8: every change to a value, from the stored history (every committed upload's rows are kept).
/// For each indicator / FY / area / month the rows are taken in the order their uploads were received
/// (<see cref="Supersession"/>); a row that gives a different value than the one standing, or the same value with
/// another flag (速報値 replaced by the final figure, RULES.md §13), is a revision; one that gives the
/// same value and flag only confirms it (and becomes the standing row). A duplicate's row that gives what stands is
/// left out; one that differs (an upload received before it was processed after it) is a revision.
/// </summary>
public static class RevisionHistory
{
    /// <summary>Every revision, oldest first (by the revising upload, in the order uploads were received).</summary>
    public static IReadOnlyList<ValueRevision> Of(
        IEnumerable<StoredObservation> observations, CommittedUploads uploads) =>
        Trace(observations, uploads).Revisions;

    /// <summary>
    /// From one grouping of the rows, both what stands and how it came to stand: for each indicator / FY / area / month
    /// the standing row (as <see cref="FiscalYearRollup.Current"/> gives them, in the same order) and every revision
    /// (as <see cref="Of"/> gives them). The nightly run's roll-up and the feed's provenance take both from it;
    /// grouping 100,000 rows once for each was a third of the run's allocation at that size (issue 27).
    /// </summary>
    public static ValueHistory Trace(
        IEnumerable<StoredObservation> observations, CommittedUploads uploads)
    {
        var current = new List<StoredObservation>();
        var revisions = new List<ValueRevision>();
        var steps = new List<(StoredObservation? Before, StoredObservation Row)>();
        foreach (var key in observations
                     .Where(o => uploads.Contains(o.UploadId))
                     .GroupBy(o => (o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month)))
        {
            StoredObservation? standing = null;
            Supersession.Succession(key, uploads, o => o.Order, (a, b) => a.SameAs(b), steps);
            foreach (var (before, row) in steps)
            {
                // A different value, or the same value with another flag (a provisional figure made final).
                if (before is not null && (before.Value != row.Value || before.Flag != row.Flag))
                {
                    revisions.Add(new ValueRevision(before, row));
                }

                standing = row;
            }

            // A key's first committed row always stands until another follows it.
            current.Add(standing!);
        }

        return new(current, revisions
            .OrderBy(r => r.Current.Order)
            .ThenBy(r => r.Current.IndicatorId, StringComparer.Ordinal)
            .ThenBy(r => r.Current.FiscalYear)
            .ThenBy(r => r.Current.AreaCode, StringComparer.Ordinal)
            .ThenBy(r => r.Current.Month ?? 0)
            .ToList());
    }
}
