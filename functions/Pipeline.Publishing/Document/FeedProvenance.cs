using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;

namespace Pipeline.Publishing.Document;

/// <summary>
/// RULES.md §8 on the feed: each fiscal-year value gets its <see cref="FeedSource"/> (the department and the
/// uploads whose standing rows make it up, in the order they were received) and its <see cref="FeedRevision"/>s
/// (every change to one of those rows, oldest first). Upload ids and received times only; file names stay in the
/// ledger.
/// </summary>
public static class FeedProvenance
{
    /// <summary>The feed with provenance on every actual.</summary>
    public static ProgressFeed Attach(
        ProgressFeed feed, IEnumerable<StoredObservation> observations, CommittedUploads uploads) =>
        Attach(feed, RevisionHistory.Trace(observations, uploads), uploads);

    /// <summary>The feed with provenance on every actual, from the plan's rows read once (<see
    /// cref="RevisionHistory.Trace"/>).</summary>
    public static ProgressFeed Attach(ProgressFeed feed, ValueHistory stored, CommittedUploads uploads)
    {
        var (standing, history) = stored;
        var current = standing.ToLookup(o => (o.IndicatorId, o.FiscalYear.Value));
        var revisions = history.ToLookup(r => (r.Current.IndicatorId, r.Current.FiscalYear.Value));

        return feed with
        {
            Indicators = feed.Indicators.Select(indicator => indicator with
            {
                Actuals = indicator.Actuals.Select(actual => actual with
                {
                    Source = Source(current[(indicator.Id, actual.FiscalYear)], uploads, indicator.Owner),
                    Revisions = revisions[(indicator.Id, actual.FiscalYear)].Select(r => Revision(r, uploads)).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    private static FeedSource Source(IEnumerable<StoredObservation> rows, CommittedUploads uploads, string owner)
    {
        var used = rows.GroupBy(r => r.UploadId)
            .Select(g => g.First())
            .OrderBy(r => r.Order)
            .ToList();
        var department = used.Count == 0 ? owner : uploads[used[^1].UploadId].Department.ToString();
        return new FeedSource(department, used.Select(r => r.UploadId.Value).ToList(),
            used.Select(r => r.ReceivedAt.ToUniversalTime()).ToList());
    }

    private static FeedRevision Revision(ValueRevision revision, CommittedUploads uploads) => new(
        revision.Current.AreaCode,
        revision.Current.Month,
        revision.Previous.Value,
        revision.Current.Value,
        revision.Previous.UploadId.Value,
        revision.Current.UploadId.Value,
        revision.Previous.ReceivedAt.ToUniversalTime(),
        revision.Current.ReceivedAt.ToUniversalTime(),
        uploads[revision.Current.UploadId].Department.ToString(),
        revision.Previous.Flag,
        revision.Current.Flag);

    /// <summary>Every revision of the feed, oldest first, with the indicator and fiscal year it belongs to.</summary>
    public static IEnumerable<(FeedIndicator Indicator, FeedActual Actual, FeedRevision Revision)> Revisions(
        ProgressFeed feed) =>
        feed.Indicators
            .SelectMany(i =>
                i.Actuals.SelectMany(a => (a.Revisions ?? []).Select(r => (Indicator: i, Actual: a, Revision: r))))
            .OrderBy(x => x.Revision.ReceivedAt)
            .ThenBy(x => x.Revision.UploadId, StringComparer.Ordinal)
            .ThenBy(x => x.Indicator.Id, StringComparer.Ordinal)
            .ThenBy(x => x.Actual.FiscalYear)
            .ThenBy(x => x.Revision.AreaCode, StringComparer.Ordinal)
            .ThenBy(x => x.Revision.Month ?? 0);
}
