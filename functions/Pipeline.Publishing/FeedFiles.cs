using System.IO.Compression;
using System.Text.Json;
using Pipeline.Domain.Commentary;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Publishing.Pages;

namespace Pipeline.Publishing;

/// <summary>
/// The files published for a plan (RULES.md §5, §10): progress.json and progress.csv, their Data Package, JSON
/// Schema, CSVW metadata and SDMX copy, the revisions, the committee's workbook and report, the Open SDG copy, the
/// dashboard and one zip of all of them. <see cref="ContentHash(ProgressFeed, IReadOnlyList{IndicatorCommentary})"/>
/// covers every file but leaves out the generation time, so a
/// run that changes nothing is known as such and a change to any renderer publishes again.
/// </summary>
public static class FeedFiles
{
    private const string ShortCache = "public, max-age=300";

    /// <summary>The data files kept in the dated archive (the static files and the Open SDG copies are not).</summary>
    public static readonly IReadOnlySet<string> ArchivedNames =
        new HashSet<string>(
            [
                FeedPaths.JsonName, FeedPaths.CsvName, FeedPaths.DataPackageName, RevisionsCsv.Name,
                FeedPaths.WorkbookName, FeedPaths.ReportName, FeedPaths.SdmxName, FeedPaths.SdmxStructureName,
                FeedPaths.CsvwName,
            ],
            StringComparer.Ordinal);

    /// <summary>The data files a person downloads, in the order the dashboard and the Dataset list them.</summary>
    public static readonly IReadOnlyList<string> DownloadNames =
    [
        FeedPaths.JsonName, FeedPaths.CsvName, FeedPaths.SdmxName, FeedPaths.SdmxStructureName, FeedPaths.CsvwName,
        RevisionsCsv.Name, FeedPaths.WorkbookName, FeedPaths.ReportName, FeedPaths.DataPackageName, FeedPaths.ZipName,
    ];

    private static readonly Lazy<IReadOnlyList<FeedFile>> StaticFiles = new(() =>
    [
        new(FeedPaths.SchemaName, Resource("Pipeline.Publishing.Formats.progress.schema.json"),
            "application/schema+json; charset=utf-8", ShortCache),
        new("dashboard.css", Resource("Pipeline.Publishing.Pages.Dashboard.dashboard.css"), "text/css; charset=utf-8",
            ShortCache),
        new("dashboard.js", Resource("Pipeline.Publishing.Pages.Dashboard.dashboard.js"),
            "text/javascript; charset=utf-8", ShortCache),
        new("dashboard-summary.js", Resource("Pipeline.Publishing.Pages.Dashboard.dashboard-summary.js"),
            "text/javascript; charset=utf-8", ShortCache),
        new("dashboard-words.js", Resource("Pipeline.Publishing.Pages.Dashboard.dashboard-words.js"),
            "text/javascript; charset=utf-8", ShortCache),
    ]);

    private static readonly Lazy<byte[]> DashboardTemplate =
        new(() => Resource("Pipeline.Publishing.Pages.Dashboard.index.html"));

    /// <summary>
    /// Every file published for a feed: the data (JSON, CSV, SDMX, revisions, the committee's workbook, the Open
    /// SDG copy), the committee's report (with the departments' standing <paramref name="commentary"/>), their
    /// metadata (JSON Schema, CSVW, the SDMX structure), the dashboard, the Data Package describing all of them, and
    /// the zip of everything, last.
    /// </summary>
    public static IReadOnlyList<FeedFile> Create(ProgressFeed feed, IReadOnlyList<IndicatorCommentary>? commentary =
        null)
    {
        List<FeedFile> files = [.. Sources(feed, commentary).Select(s => s.ToFile(ShortCache))];
        files.Add(new(FeedPaths.ZipName, FeedArchive.Write(files.Select(f => (f.Name, f.Content)), feed.GeneratedAt),
            FeedArchive.ContentType, ShortCache));
        return files;
    }

    /// <summary>
    /// The files of <see cref="Create"/> but the zip, before they have bytes: the content hash writes each of them
    /// only into the hash (issue 27: the nightly run built every file whole to hash it, and most nights nothing has
    /// changed); the zip, which holds the others, is left out of the hash and so never built for it.
    /// </summary>
    private static List<FeedFileSource> Sources(ProgressFeed feed, IReadOnlyList<IndicatorCommentary>? commentary)
    {
        List<FeedFileSource> files =
        [
            FeedFileSource.Streamed(FeedPaths.JsonName, "application/json; charset=utf-8",
                output => Json(feed, output)),
            FeedFileSource.Streamed(FeedPaths.CsvName, "text/csv; charset=utf-8",
                output => FeedCsv.Write(feed, output)),
            FeedFileSource.Rendered(FeedPaths.CsvwName, "application/csvm+json; charset=utf-8",
                () => CsvwMetadata.Write(feed)),
            FeedFileSource.Streamed(FeedPaths.SdmxName, SdmxCsv.ContentType, output => SdmxCsv.Write(feed, output)),
            FeedFileSource.Streamed(FeedPaths.SdmxStructureName,
                "application/vnd.sdmx.structure+xml; version=2.1; charset=utf-8",
                output => SdmxStructure.Write(feed, output)),
            FeedFileSource.Streamed(RevisionsCsv.Name, "text/csv; charset=utf-8",
                output => RevisionsCsv.Write(feed, output)),
            FeedFileSource.Rendered(FeedPaths.WorkbookName,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", () => ProgressReport.Write(feed)),
            FeedFileSource.Rendered(FeedPaths.ReportName, CommitteeReportDocx.ContentType,
                () => CommitteeReportDocx.Write(feed, CommitteeReportDocx.DefaultFiscalYear(feed), commentary ?? [])),
            .. OpenSdgExport.Files(feed).Select(f => FeedFileSource.Rendered(f.Name,
                f.IsData ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8", () => f.Content)),
            .. StaticFiles.Value.Select(FeedFileSource.Of),
        ];
        // The Data Package lists the dashboard and the zip, and the zip holds the Data Package: the zip's entry is
        // described by name.
        var dashboard = Dashboard(feed, files);
        List<(string, string)> described =
            [.. files.Select(f => (f.Name, f.ContentType)), (dashboard.Name, dashboard.ContentType),
                (FeedPaths.ZipName, FeedArchive.ContentType)];
        files.Insert(2, FeedFileSource.Streamed(FeedPaths.DataPackageName, "application/json; charset=utf-8",
            output => DataPackageDescriptor.Write(feed, described, output)));
        // The dashboard lists the downloads as they are now, the Data Package among them.
        files.Add(Dashboard(feed, files));
        return files;
    }

    /// <summary>
    /// The deployment's zip (RULES.md §5): index.json, and the entries of each plan's zip (<paramref name="planZips"/>,
    /// by plan id) under the plan's id, as they lie beside index.json. A plan whose zip is not published yet is left
    /// out.
    /// </summary>
    public static FeedFile DeploymentArchive(PlanIndexDocument index, IReadOnlyDictionary<string, byte[]> planZips)
    {
        IEnumerable<(string, byte[])> entries = [("index.json", PlanIndex.Json(index))];
        foreach (var plan in index.Plans.Where(p => planZips.ContainsKey(p.Id)))
        {
            entries =
                entries.Concat(FeedArchive.Read(planZips[plan.Id]).Select(e => ($"{plan.Id}/{e.Path}", e.Content)));
        }

        return new(FeedPaths.DeploymentZipPath, FeedArchive.Write(entries, index.GeneratedAt), FeedArchive.ContentType,
            ShortCache);
    }

    /// <summary>The Data Package describing every file published with the feed.</summary>
    public static byte[] DataPackage(ProgressFeed feed) =>
        Sources(feed, null).Single(f => f.Name == FeedPaths.DataPackageName).Bytes();

    /// <summary>progress.json's bytes.</summary>
    public static byte[] Json(ProgressFeed feed) =>
        JsonSerializer.SerializeToUtf8Bytes(feed, FeedJson.TypeInfo<ProgressFeed>());

    private static void Json(ProgressFeed feed, Stream output) =>
        JsonSerializer.Serialize(output, feed, FeedJson.TypeInfo<ProgressFeed>());

    public static ProgressFeed ReadJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, FeedJson.TypeInfo<ProgressFeed>())
            ?? throw new JsonException("The feed is empty.");

    /// <summary>
    /// SHA-256 of every file published for the feed, built as at no particular time (the generation time left out):
    /// equal for equal content, and different when any renderer writes a file differently; the committee's report
    /// carries the departments' standing <paramref name="commentary"/>.
    /// </summary>
    public static string ContentHash(ProgressFeed feed, IReadOnlyList<IndicatorCommentary>? commentary = null) =>
        ContentHash(Sources(feed with { GeneratedAt = default }, commentary));

    /// <summary>
    /// SHA-256 over <paramref name="files"/> (as <see cref="Create"/> gives them): each one's name, type, length and
    /// the SHA-256 of its bytes. The workbook counts by its parts and the zip by the files it holds, counted already;
    /// the committee's report by its bytes, which its content alone decides.
    /// </summary>
    public static string ContentHash(IReadOnlyList<FeedFile> files) =>
        ContentHash(files.Where(f => f.Name != FeedPaths.ZipName).Select(FeedFileSource.Of));

    private static string ContentHash(IEnumerable<FeedFileSource> files)
    {
        using var hash = new FeedContentHash();
        foreach (var file in files)
        {
            if (file.Name == FeedPaths.WorkbookName)
            {
                using var workbook = new ZipArchive(new MemoryStream(file.Bytes()), ZipArchiveMode.Read);
                foreach (var part in workbook.Entries)
                {
                    hash.Add(file.Name + "/" + part.FullName, file.ContentType, output =>
                    {
                        using var content = part.Open();
                        content.CopyTo(output);
                    });
                }
            }
            else
            {
                hash.Add(file.Name, file.ContentType, file.WriteTo);
            }
        }

        return hash.Finish();
    }

    /// <summary>The JSON Schema of progress.json (draft 2020-12).</summary>
    public static byte[] Schema() => StaticFiles.Value[0].Content;

    /// <summary>The dashboard, with the downloads among <paramref name="files"/> (as they are now) and the
    /// zip.</summary>
    private static FeedFileSource Dashboard(ProgressFeed feed, IReadOnlyList<FeedFileSource> files)
    {
        var types = files.ToDictionary(f => f.Name, f => f.ContentType.Split(';')[0].Trim(), StringComparer.Ordinal);
        types[FeedPaths.ZipName] = FeedArchive.ContentType;
        List<(string, string)> downloads = [.. DownloadNames.Where(types.ContainsKey).Select(n => (n, types[n]))];
        return FeedFileSource.Rendered(FeedPaths.DashboardName, "text/html; charset=utf-8",
            () => DashboardPage.Write(DashboardTemplate.Value, feed, downloads));
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(FeedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
