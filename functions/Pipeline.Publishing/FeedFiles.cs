using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Publishing;

/// <summary>
/// The files published for a plan: progress.json, progress.csv, datapackage.json and the JSON Schema.
/// <see cref="ContentHash"/> leaves out the generation time, so a run that changes nothing is known as such.
/// </summary>
public static class FeedFiles
{
    public const string JsonName = "progress.json";
    public const string CsvName = "progress.csv";
    public const string DataPackageName = "datapackage.json";
    public const string SchemaName = "progress.schema.json";

    private const string ShortCache = "public, max-age=300";

    /// <summary>The folder of a plan's feed in the open-data container.</summary>
    public static string Folder(string planId) => $"feeds/v1/{planId}";

    public const string DashboardName = "index.html";

    /// <summary>The committee's workbook (see <see cref="ProgressReport"/>).</summary>
    public const string WorkbookName = "progress-report.xlsx";

    /// <summary>The data files kept in the dated archive (the static files and the Open SDG copies are not).</summary>
    public static readonly IReadOnlySet<string> ArchivedNames =
        new HashSet<string>([JsonName, CsvName, DataPackageName, RevisionsCsv.Name, WorkbookName], StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<FeedFile>> StaticFiles = new(() =>
    [
        new(SchemaName, Resource("Pipeline.Publishing.Formats.progress.schema.json"), "application/schema+json; charset=utf-8", ShortCache),
        new(DashboardName, Resource("Pipeline.Publishing.Pages.Dashboard.index.html"), "text/html; charset=utf-8", ShortCache),
        new("dashboard.css", Resource("Pipeline.Publishing.Pages.Dashboard.dashboard.css"), "text/css; charset=utf-8", ShortCache),
        new("dashboard.js", Resource("Pipeline.Publishing.Pages.Dashboard.dashboard.js"), "text/javascript; charset=utf-8", ShortCache),
    ]);

    /// <summary>
    /// Every file published for a feed: the data (JSON, CSV, revisions, the committee's workbook, the Open SDG
    /// copy), its schema, the dashboard, and the Data Package describing all of them.
    /// </summary>
    public static IReadOnlyList<FeedFile> Create(ProgressFeed feed)
    {
        List<FeedFile> files =
        [
            new(JsonName, Json(feed), "application/json; charset=utf-8", ShortCache),
            new(CsvName, FeedCsv.Write(feed), "text/csv; charset=utf-8", ShortCache),
            new(RevisionsCsv.Name, RevisionsCsv.Write(feed), "text/csv; charset=utf-8", ShortCache),
            new(WorkbookName, ProgressReport.Write(feed), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ShortCache),
            .. OpenSdgExport.Files(feed).Select(f => new FeedFile(f.Name, f.Content,
                f.IsData ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8", ShortCache)),
            .. StaticFiles.Value,
        ];
        files.Insert(2, new(DataPackageName, DataPackageDescriptor.Create(feed, files), "application/json; charset=utf-8", ShortCache));
        return files;
    }

    /// <summary>The Data Package describing every file published with the feed.</summary>
    public static byte[] DataPackage(ProgressFeed feed) => Create(feed).Single(f => f.Name == DataPackageName).Content;

    public static byte[] Json(ProgressFeed feed) => JsonSerializer.SerializeToUtf8Bytes(feed, FeedJson.TypeInfo<ProgressFeed>());

    public static ProgressFeed ReadJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, FeedJson.TypeInfo<ProgressFeed>()) ?? throw new JsonException("The feed is empty.");

    /// <summary>SHA-256 of the feed without its generation time, and of the static files published with it.</summary>
    public static string ContentHash(ProgressFeed feed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Json(feed with { GeneratedAt = default }));
        foreach (var file in StaticFiles.Value)
        {
            hash.AppendData(file.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The JSON Schema of progress.json (draft 2020-12).</summary>
    public static byte[] Schema() => StaticFiles.Value[0].Content;

    private static byte[] Resource(string name)
    {
        using var stream = typeof(FeedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
