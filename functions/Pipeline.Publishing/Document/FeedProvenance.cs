using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;

namespace Pipeline.Publishing.Document;

/// <summary>
/// RULES.md §8 on the feed: each fiscal-year value gets its <see cref="FeedSource"/> (the department and the
/// accepted uploads whose current rows make it up) and its <see cref="FeedRevision"/>s (every change to one
/// of those rows, oldest first). Upload ids and received times only; file names stay in the ledger.
/// </summary>
public static class FeedProvenance
{
    /// <summary>The feed with provenance on every actual.</summary>
    public static ProgressFeed Attach(ProgressFeed feed, IEnumerable<StoredObservation> observations, IReadOnlyDictionary<string, UploadRecord> acceptedUploads)
    {
        var accepted = acceptedUploads.Keys.ToHashSet(StringComparer.Ordinal);
        var stored = observations as IReadOnlyCollection<StoredObservation> ?? observations.ToList();
        var current = FiscalYearRollup.Current(stored, accepted).ToLookup(o => (o.IndicatorId, o.FiscalYear.Value));
        var revisions = RevisionHistory.Of(stored, accepted).ToLookup(r => (r.Current.IndicatorId, r.Current.FiscalYear.Value));

        return feed with
        {
            Indicators = feed.Indicators.Select(indicator => indicator with
            {
                Actuals = indicator.Actuals.Select(actual => actual with
                {
                    Source = Source(current[(indicator.Id, actual.FiscalYear)], acceptedUploads, indicator.Owner),
                    Revisions = revisions[(indicator.Id, actual.FiscalYear)].Select(r => Revision(r, acceptedUploads)).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    private static FeedSource Source(IEnumerable<StoredObservation> rows, IReadOnlyDictionary<string, UploadRecord> uploads, string owner)
    {
        var used = rows.GroupBy(r => r.UploadId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(r => (r.BlobCreatedOn, r.UploadId), Supersession.Order)
            .ToList();
        var department = used.Count == 0 ? owner : uploads[used[^1].UploadId].DepartmentId;
        return new FeedSource(department, used.Select(r => r.UploadId).ToList(), used.Select(r => r.BlobCreatedOn.ToUniversalTime()).ToList());
    }

    private static FeedRevision Revision(ValueRevision revision, IReadOnlyDictionary<string, UploadRecord> uploads) => new(
        revision.Current.AreaCode,
        revision.Current.Month,
        revision.Previous.Value,
        revision.Current.Value,
        revision.Previous.UploadId,
        revision.Current.UploadId,
        revision.Previous.BlobCreatedOn.ToUniversalTime(),
        revision.Current.BlobCreatedOn.ToUniversalTime(),
        uploads[revision.Current.UploadId].DepartmentId,
        revision.Previous.Flag,
        revision.Current.Flag);

    /// <summary>Every revision of the feed, oldest first, with the indicator and fiscal year it belongs to.</summary>
    public static IEnumerable<(FeedIndicator Indicator, FeedActual Actual, FeedRevision Revision)> Revisions(ProgressFeed feed) =>
        feed.Indicators
            .SelectMany(i => i.Actuals.SelectMany(a => (a.Revisions ?? []).Select(r => (Indicator: i, Actual: a, Revision: r))))
            .OrderBy(x => (x.Revision.ReceivedAt, x.Revision.UploadId), Supersession.Order)
            .ThenBy(x => x.Indicator.Id, StringComparer.Ordinal)
            .ThenBy(x => x.Actual.FiscalYear)
            .ThenBy(x => x.Revision.AreaCode, StringComparer.Ordinal)
            .ThenBy(x => x.Revision.Month ?? 0);
}
