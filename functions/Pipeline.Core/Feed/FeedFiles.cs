using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

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

    private static readonly FeedJsonContext Readable = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

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
        new(CsvName, Csv(feed), "text/csv; charset=utf-8", ShortCache),
        new(DataPackageName, DataPackage(feed), "application/json; charset=utf-8", ShortCache),
        .. StaticFiles.Value,
    ];

    public static byte[] Json(ProgressFeed feed) => JsonSerializer.SerializeToUtf8Bytes(feed, Readable.ProgressFeed);

    public static ProgressFeed ReadJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, Readable.ProgressFeed) ?? throw new JsonException("The feed is empty.");

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

    /// <summary>The CSV columns: one row per indicator and fiscal year.</summary>
    public static readonly IReadOnlyList<(string Name, string Type, string Title)> CsvColumns =
    [
        ("plan_id", "string", "計画ID / plan id"),
        ("basic_policy_id", "string", "基本方針 / basic policy"),
        ("policy_id", "string", "施策方針 / policy direction"),
        ("indicator_id", "string", "指標ID / indicator id"),
        ("indicator_name_ja", "string", "成果指標"),
        ("indicator_name_en", "string", "indicator name"),
        ("unit", "string", "単位 / unit"),
        ("kind", "string", "集計方法 / kind (flow, stock, ratio)"),
        ("fiscal_year", "integer", "年度 / fiscal year (April–March)"),
        ("value", "number", "実績値 / value"),
        ("partial", "boolean", "一部の月・区のみ / partial"),
        ("baseline_fiscal_year", "integer", "基準年度 / baseline fiscal year"),
        ("baseline_value", "number", "基準値 / baseline value"),
        ("target_fiscal_year", "integer", "目標年度 / target fiscal year"),
        ("target_value", "number", "目標値 / target value"),
        ("achievement_rate_percent", "number", "達成率 / achievement rate (%)"),
        ("status", "string", "状況 / status at this fiscal year"),
    ];

    /// <summary>UTF-8 with BOM (Excel opens it as such), CRLF, cells starting = + - @ neutralised.</summary>
    public static byte[] Csv(ProgressFeed feed)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', CsvColumns.Select(c => c.Name))).Append("\r\n");
        foreach (var indicator in feed.Indicators)
        {
            foreach (var actual in indicator.Actuals)
            {
                string[] cells =
                [
                    Text(feed.Plan.Id), Text(indicator.BasicPolicyId), Text(indicator.PolicyId), Text(indicator.Id),
                    Text(indicator.Name.Ja), Text(indicator.Name.En ?? ""), Text(indicator.Unit), Text(indicator.Kind),
                    Number(actual.FiscalYear), Number(actual.Value), actual.Partial ? "true" : "false",
                    Number(indicator.Baseline.FiscalYear), Number(indicator.Baseline.Value),
                    Number(indicator.Target.FiscalYear), Number(indicator.Target.Value),
                    Number(actual.AchievementRatePercent), Text(actual.Status),
                ];
                text.Append(string.Join(',', cells)).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A text cell, quoted where needed; a leading = + - @ (or tab, CR) gets a ' so spreadsheets never run it.</summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

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
            ["keywords"] = new JsonArray("地域福祉", "熊本市", "成果指標", "community welfare", "open data"),
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
                        ["fields"] = new JsonArray(CsvColumns.Select(c => (JsonNode)new JsonObject
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
        return Encoding.UTF8.GetBytes(package.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        }));
    }
}
