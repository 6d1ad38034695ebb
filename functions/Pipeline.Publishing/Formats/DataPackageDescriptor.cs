using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// datapackage.json, a Frictionless Data Package v2 (https://datapackage.org/standard/data-package/) that
/// describes every published file. The CSV files are tabular resources with a Table Schema (Japanese titles,
/// English descriptions). The JSON resource names its JSON Schema in <c>jsonSchema</c>, never in <c>schema</c>,
/// which v2 reserves for a Table Schema: a client reading <c>schema</c> as a Table Schema would fail.
/// <c>jsonSchema</c> is a custom property (v2 allows them), named like v2's own field-level constraint.
/// </summary>
public static class DataPackageDescriptor
{
    /// <summary>The v2 profiles the descriptor declares.</summary>
    public const string PackageProfile = "https://datapackage.org/profiles/2.0/datapackage.json";

    public const string ResourceProfile = "https://datapackage.org/profiles/2.0/dataresource.json";

    public const string TableSchemaProfile = "https://datapackage.org/profiles/2.0/tableschema.json";

    public const string DialectProfile = "https://datapackage.org/profiles/2.0/tabledialect.json";

    /// <summary>
    /// Writes the descriptor of <paramref name="files"/> (every published file, by name and Content-Type, but the
    /// descriptor itself) to <paramref name="output"/>, left open.
    /// </summary>
    public static void Write(ProgressFeed feed, IEnumerable<(string Name, string ContentType)> files, Stream output)
    {
        var license = feed.LicenseDetail;
        var package = new JsonObject
        {
            ["$schema"] = PackageProfile,
            ["name"] = $"{feed.Plan.Id}-progress",
            ["title"] = $"{feed.Plan.Name.Ja} 進捗状況 / {feed.Plan.Name.En} progress",
            ["description"] =
                "計画の成果指標の実績、達成率、進捗状況（毎日更新）。 Outcome indicators of the plan: actuals, achievement rate and status, " +
                    "updated nightly. "
                + license.Attribution.Ja,
            ["homepage"] = license.DatasetUrl.StartsWith("http", StringComparison.Ordinal) ? license.DatasetUrl : null,
            ["version"] = feed.SchemaVersion,
            ["created"] = feed.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = license.Id,
                ["path"] = license.Url,
                ["title"] = $"{license.Title.Ja} / {license.Title.En}（{license.Terms.Ja}）",
            }),
            ["sources"] =
                new JsonArray(new JsonObject { ["title"] = license.SourceLine.Ja, ["path"] = license.DatasetUrl }),
            ["contributors"] = new JsonArray(license.Publishers.Select((p, i) => (JsonNode)new JsonObject
            {
                ["title"] = p.Ja,
                ["roles"] = new JsonArray("publisher"),
                ["organization"] = i == 0 ? $"全国地方公共団体コード {feed.Plan.Publisher.LocalGovernmentCode}" : p.En,
            }).ToArray()),
            ["keywords"] =
                new JsonArray(feed.Plan.Publisher.Name.Ja, "成果指標", "進捗状況", "outcome indicators", "open data"),
            ["resources"] =
                new JsonArray(files.Where(f => f.Name != FeedPaths.DataPackageName).Select(Resource).ToArray()),
        };
        if (package["homepage"] is null)
        {
            package.Remove("homepage");
        }

        FeedJson.Write(package, output);
    }

    private static JsonNode Resource((string Name, string ContentType) file)
    {
        var mediaType = file.ContentType.Split(';')[0].Trim();
        var resource = new JsonObject
        {
            ["$schema"] = ResourceProfile,
            ["name"] = string.Concat(file.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')),
            ["path"] = file.Name,
            ["format"] = Path.GetExtension(file.Name).TrimStart('.'),
            ["mediatype"] = mediaType,
        };
        if (file.ContentType.Contains("charset=utf-8", StringComparison.Ordinal))
        {
            resource["encoding"] = "utf-8"; // an IANA name; a BOM is allowed with it (RULES.md §10)
        }

        if (file.Name == FeedPaths.JsonName)
        {
            resource["jsonSchema"] = FeedPaths.SchemaName;
        }

        if (Table(file.Name) is { } table)
        {
            resource["type"] = "table";
            resource["dialect"] = new JsonObject
            {
                ["$schema"] = DialectProfile,
                ["delimiter"] = ",",
                ["lineTerminator"] = file.Name.StartsWith(OpenSdgExport.Folder + "/", StringComparison.Ordinal) ? "\n"
                    : "\r\n",
                ["header"] = true,
            };
            resource["schema"] = new JsonObject
            {
                ["$schema"] = TableSchemaProfile,
                ["fields"] = new JsonArray(table.Columns.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Name,
                    ["type"] = c.Type,
                    ["title"] = c.Title,
                    ["description"] = c.Description,
                }).ToArray()),
                ["missingValues"] = new JsonArray(""),
            };
            if (table.PrimaryKey.Count > 0)
            {
                resource["schema"]!["primaryKey"] =
                    new JsonArray(table.PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k)).ToArray());
            }
        }

        return resource;
    }

    private static (IReadOnlyList<TableColumn> Columns, IReadOnlyList<string> PrimaryKey)? Table(string name) =>
        name switch
    {
        FeedPaths.CsvName => (FeedCsv.Columns, FeedCsv.PrimaryKey),
        RevisionsCsv.Name => (RevisionsCsv.Columns, []),
        _ when name.StartsWith(OpenSdgExport.Folder + "/data/", StringComparison.Ordinal) =>
            (OpenSdgExport.Columns, []),
        _ => null,
    };
}
