using System.Text.Json;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Progress;

namespace Pipeline.Publishing.Document;

/// <summary>
/// The index of the plans published beside their files (RULES.md §7), <c>feeds/v1/index.json</c>: built, written
/// and read here; <see cref="IndexFiles"/> makes the published files of it. Pure.
/// </summary>
public static class PlanIndex
{
    /// <summary>The index of the feeds built in one run, in plan-id order.</summary>
    public static PlanIndexDocument Build(IReadOnlyList<ProgressFeed> feeds, DateTimeOffset now) =>
        Build(feeds.Select(f => (f.Plan.Publisher, Entry(f))), now);

    /// <summary>
    /// The index of plans from each plan's publisher and entry (as the publication records keep them), in
    /// plan-id order; the publisher is the first plan's.
    /// </summary>
    public static PlanIndexDocument Build(IEnumerable<(FeedPublisher Publisher, PlanIndexEntry Entry)> plans,
        DateTimeOffset now)
    {
        var ordered = plans.OrderBy(p => p.Entry.Id, StringComparer.Ordinal).ToList();
        var publisher = ordered.Select(p => p.Publisher).FirstOrDefault();
        // The links follow from the id: an entry recorded before a file was added links it too.
        return new PlanIndexDocument("1.0", JapanCalendar.InJapan(now), publisher,
            ordered.Select(p => p.Entry with { Links = LinksOf(p.Entry.Id) }).ToList());
    }

    /// <summary>
    /// The index before the first nightly run has published one: every served plan with its status, and each of
    /// its indicators counted as <c>no_data</c> until its values are aggregated.
    /// </summary>
    public static PlanIndexDocument BeforeFirstRun(IReadOnlyList<Plan> plans, JapanCalendar calendar,
        DateTimeOffset now) => new(
        "1.0", JapanCalendar.InJapan(now), null,
        plans.OrderBy(p => p.Id.Value, StringComparer.Ordinal)
            .Select(p => Entry(p.Id.Value, p.Name, p.StartFiscalYear.Value, p.EndFiscalYear.Value,
            calendar.StatusOf(p, now), Enumerable.Repeat(ProgressStatus.NoData, p.Indicators.Count))).ToList());

    public static byte[] Json(PlanIndexDocument index) =>
        JsonSerializer.SerializeToUtf8Bytes(index, FeedJson.TypeInfo<PlanIndexDocument>());

    public static PlanIndexDocument ReadJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, FeedJson.TypeInfo<PlanIndexDocument>())
            ?? throw new JsonException("The index is empty.");

    /// <summary>A plan's entry in the index, from its feed.</summary>
    public static PlanIndexEntry Entry(ProgressFeed feed) =>
        Entry(feed.Plan.Id, feed.Plan.Name, feed.Plan.StartFiscalYear, feed.Plan.EndFiscalYear, feed.Plan.Status,
            feed.Indicators.Select(i => i.Status))
        with { LicenseUrl = feed.LicenseDetail.Url };

    /// <summary>A plan's files, relative to index.json.</summary>
    public static PlanIndexLinks LinksOf(string planId) => new(
        $"{planId}/{FeedPaths.JsonName}", $"{planId}/{FeedPaths.CsvName}", $"{planId}/{FeedPaths.DataPackageName}",
        $"{planId}/{FeedPaths.DashboardName}", $"{planId}/{FeedPaths.ZipName}", $"{planId}/{FeedPaths.SdmxName}",
        $"{planId}/{FeedPaths.SdmxStructureName}", $"{planId}/{FeedPaths.CsvwName}");

    private static PlanIndexEntry Entry(string id, LocalizedText name, int start, int end, PlanStatus status,
        IEnumerable<ProgressStatus> statuses)
    {
        var counts = FeedBuilder.CountedStatuses.ToDictionary(PipelineJson.Name, _ => 0, StringComparer.Ordinal);
        foreach (var indicator in statuses)
        {
            counts[PipelineJson.Name(indicator)]++;
        }

        return new PlanIndexEntry(id, name, start, end, status, counts, LinksOf(id));
    }
}
