using System.Security.Cryptography;
using System.Text;
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
        null) => Build(feed, commentary, archive: true);

    /// <summary>The files of <see cref="Create"/>; the zip of them only where <paramref name="archive"/> (the content
    /// hash leaves it out, so it is not built for the hash: compressing every file once more was work thrown away on
    /// each nightly run, issue 27).</summary>
    private static List<FeedFile> Build(ProgressFeed feed, IReadOnlyList<IndicatorCommentary>? commentary,
        bool archive)
    {
        List<FeedFile> files =
        [
            new(FeedPaths.JsonName, Json(feed), "application/json; charset=utf-8", ShortCache),
            new(FeedPaths.CsvName, FeedCsv.Write(feed), "text/csv; charset=utf-8", ShortCache),
            new(FeedPaths.CsvwName, CsvwMetadata.Write(feed), "application/csvm+json; charset=utf-8", ShortCache),
            new(FeedPaths.SdmxName, SdmxCsv.Write(feed), SdmxCsv.ContentType, ShortCache),
            new(FeedPaths.SdmxStructureName, SdmxStructure.Write(feed),
                "application/vnd.sdmx.structure+xml; version=2.1; charset=utf-8", ShortCache),
            new(RevisionsCsv.Name, RevisionsCsv.Write(feed), "text/csv; charset=utf-8", ShortCache),
            new(FeedPaths.WorkbookName, ProgressReport.Write(feed),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ShortCache),
            new(FeedPaths.ReportName,
                CommitteeReportDocx.Write(feed, CommitteeReportDocx.DefaultFiscalYear(feed), commentary ?? []),
                CommitteeReportDocx.ContentType, ShortCache),
            .. OpenSdgExport.Files(feed).Select(f => new FeedFile(f.Name, f.Content,
                f.IsData ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8", ShortCache)),
            .. StaticFiles.Value,
        ];
        // The Data Package lists the zip and the zip holds the Data Package: the zip's entry is described by name.
        var zip = new FeedFile(FeedPaths.ZipName, [], FeedArchive.ContentType, ShortCache);
        files.Insert(2,
            new(FeedPaths.DataPackageName, DataPackageDescriptor.Create(feed, [.. files, Dashboard(feed, files), zip]),
            "application/json; charset=utf-8", ShortCache));
        files.Add(Dashboard(feed, files));
        if (archive)
        {
            files.Add(zip with
            {
                Content = FeedArchive.Write(files.Select(f => (f.Name, f.Content)), feed.GeneratedAt),
            });
        }

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
        Create(feed).Single(f => f.Name == FeedPaths.DataPackageName).Content;

    public static byte[] Json(ProgressFeed feed) =>
        JsonSerializer.SerializeToUtf8Bytes(feed, FeedJson.TypeInfo<ProgressFeed>());

    public static ProgressFeed ReadJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, FeedJson.TypeInfo<ProgressFeed>())
            ?? throw new JsonException("The feed is empty.");

    /// <summary>
    /// SHA-256 of every file published for the feed, built as at no particular time (the generation time left out):
    /// equal for equal content, and different when any renderer writes a file differently; the committee's report
    /// carries the departments' standing <paramref name="commentary"/>.
    /// </summary>
    public static string ContentHash(ProgressFeed feed, IReadOnlyList<IndicatorCommentary>? commentary = null) =>
        ContentHash(Build(feed with { GeneratedAt = default }, commentary, archive: false));

    /// <summary>
    /// SHA-256 over <paramref name="files"/> (as <see cref="Create"/> gives them): each one's name, type, length and
    /// bytes. The workbook counts by its parts and the zip by the files it holds, counted already; the committee's
    /// report by its bytes, which its content alone decides.
    /// </summary>
    public static string ContentHash(IReadOnlyList<FeedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string name, string contentType, byte[] content)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + contentType + "\n" + content.Length + "\n"));
            hash.AppendData(content);
        }

        foreach (var file in files.Where(f => f.Name != FeedPaths.ZipName))
        {
            if (file.Name == FeedPaths.WorkbookName)
            {
                foreach (var (part, content) in FeedArchive.Read(file.Content))
                {
                    Add(file.Name + "/" + part, file.ContentType, content);
                }
            }
            else
            {
                Add(file.Name, file.ContentType, file.Content);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The JSON Schema of progress.json (draft 2020-12).</summary>
    public static byte[] Schema() => StaticFiles.Value[0].Content;

    private static FeedFile Dashboard(ProgressFeed feed, IReadOnlyList<FeedFile> files)
    {
        var types = files.ToDictionary(f => f.Name, f => f.ContentType.Split(';')[0].Trim(), StringComparer.Ordinal);
        types[FeedPaths.ZipName] = FeedArchive.ContentType;
        var downloads = DownloadNames.Where(types.ContainsKey).Select(n => (n, types[n]));
        return new(FeedPaths.DashboardName, DashboardPage.Write(DashboardTemplate.Value, feed, downloads),
            "text/html; charset=utf-8", ShortCache);
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
