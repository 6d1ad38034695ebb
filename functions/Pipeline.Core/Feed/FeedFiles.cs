using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Pipeline.Core.Json;

namespace Pipeline.Core.Feed;

/// <summary>One file of the published feed: its path under the plan's folder, bytes and HTTP headers.</summary>
public sealed record FeedFile(string Name, byte[] Content, string ContentType, string CacheControl);

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

    /// <summary>The data files kept in the dated archive (the static files are not).</summary>
    public static readonly IReadOnlySet<string> ArchivedNames = new HashSet<string>([JsonName, CsvName, DataPackageName], StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<FeedFile>> StaticFiles = new(() =>
    [
        new(SchemaName, Resource("Pipeline.Core.Feed.progress.schema.json"), "application/schema+json; charset=utf-8", ShortCache),
        new(DashboardName, Resource("Pipeline.Core.Feed.Dashboard.index.html"), "text/html; charset=utf-8", ShortCache),
        new("dashboard.css", Resource("Pipeline.Core.Feed.Dashboard.dashboard.css"), "text/css; charset=utf-8", ShortCache),
        new("dashboard.js", Resource("Pipeline.Core.Feed.Dashboard.dashboard.js"), "text/javascript; charset=utf-8", ShortCache),
    ]);

    /// <summary>Every file published for a feed: the data, its description, its schema and the dashboard.</summary>
    public static IReadOnlyList<FeedFile> Create(ProgressFeed feed) =>
    [
        new(JsonName, Json(feed), "application/json; charset=utf-8", ShortCache),
        new(CsvName, FeedCsv.Write(feed), "text/csv; charset=utf-8", ShortCache),
        new(DataPackageName, DataPackage(feed), "application/json; charset=utf-8", ShortCache),
        .. StaticFiles.Value,
    ];

    public static byte[] Json(ProgressFeed feed) => JsonSerializer.SerializeToUtf8Bytes(feed, PipelineJson.TypeInfo<ProgressFeed>());

    public static ProgressFeed ReadJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, PipelineJson.TypeInfo<ProgressFeed>()) ?? throw new JsonException("The feed is empty.");

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

    /// <summary>A Frictionless Data Package describing progress.json and progress.csv.</summary>
    public static byte[] DataPackage(ProgressFeed feed)
    {
        var package = new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = $"{feed.Plan.Id}-progress",
            ["title"] = $"{feed.Plan.Name.Ja} 進捗状況 / {feed.Plan.Name.En} progress",
            ["description"] = "計画の成果指標の実績、達成率、進捗状況（毎日更新）。 Outcome indicators of the plan: actuals, achievement rate and status, updated nightly.",
            ["version"] = feed.SchemaVersion,
            ["created"] = feed.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = feed.LicenseDetail.Id,
                ["path"] = feed.LicenseDetail.Url,
                ["title"] = feed.LicenseDetail.Title.En,
            }),
            ["sources"] = new JsonArray(new JsonObject { ["title"] = feed.LicenseDetail.Attribution.Ja }),
            ["contributors"] = new JsonArray(new JsonObject
            {
                ["title"] = feed.Plan.Publisher.Name.Ja,
                ["role"] = "publisher",
                ["organization"] = $"全国地方公共団体コード {feed.Plan.Publisher.LocalGovernmentCode}",
            }),
            ["keywords"] = new JsonArray(feed.Plan.Publisher.Name.Ja, "成果指標", "進捗状況", "outcome indicators", "open data"),
            ["resources"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "progress-json",
                    ["path"] = JsonName,
                    ["format"] = "json",
                    ["mediatype"] = "application/json",
                    ["encoding"] = "utf-8",
                    ["schema"] = SchemaName,
                },
                new JsonObject
                {
                    ["name"] = "progress-csv",
                    ["path"] = CsvName,
                    ["profile"] = "tabular-data-resource",
                    ["format"] = "csv",
                    ["mediatype"] = "text/csv",
                    ["encoding"] = "utf-8-sig",
                    ["dialect"] = new JsonObject { ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["header"] = true },
                    ["schema"] = new JsonObject
                    {
                        ["fields"] = new JsonArray(FeedCsv.Columns.Select(c => (JsonNode)new JsonObject
                        {
                            ["name"] = c.Name,
                            ["type"] = c.Type,
                            ["title"] = c.Title,
                        }).ToArray()),
                        ["primaryKey"] = new JsonArray("indicator_id", "fiscal_year"),
                        ["missingValues"] = new JsonArray(""),
                    },
                }),
        };
        return Encoding.UTF8.GetBytes(package.ToJsonString(PipelineJson.Options));
    }
}
