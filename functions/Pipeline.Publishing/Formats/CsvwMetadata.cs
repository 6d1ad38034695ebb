using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// progress.csv-metadata.json (RULES.md §5): W3C CSV on the Web metadata for progress.csv, found by a CSVW
/// processor beside the file by name. Every column has an ASCII <c>name</c> (CSVW allows no other), titles that
/// include the header cell itself (<c>und</c>) with the Japanese title and English description, and a CSVW
/// datatype; the columns are <see cref="FeedCsv.Columns"/>, the same list the Data Package describes.
/// </summary>
public static class CsvwMetadata
{
    /// <summary>The file name: the CSV file's name with <c>-metadata.json</c>, where CSVW looks first.</summary>
    public const string Name = FeedPaths.CsvwName;

    /// <summary>The CSVW namespace, the metadata's <c>@context</c>.</summary>
    public const string Context = "http://www.w3.org/ns/csvw";

    /// <summary>The CSVW datatype of a Table Schema type (RULES.md §5: the CSV writes booleans as true/false, times in
    /// UTC).</summary>
    public static JsonNode Datatype(string tableSchemaType) => tableSchemaType switch
    {
        "string" => "string",
        "integer" => "integer",
        "number" => "number",
        "date" => "date",
        "datetime" => "dateTimeStamp",
        "boolean" => new JsonObject { ["base"] = "boolean", ["format"] = "true|false" },
        _ => throw new ArgumentOutOfRangeException(nameof(tableSchemaType), tableSchemaType,
            "No CSVW datatype for this type."),
    };

    /// <summary>The metadata's bytes (UTF-8, no BOM).</summary>
    public static byte[] Write(ProgressFeed feed)
    {
        var license = feed.LicenseDetail;
        var columns = FeedCsv.Columns.Select(c =>
        {
            var column = new JsonObject
            {
                ["name"] = c.AsciiName,
                ["titles"] = new JsonObject { ["und"] = c.Name, ["ja"] = c.Title, ["en"] = c.Description },
                ["dc:description"] = new JsonObject { ["@value"] = c.Description, ["@language"] = "en" },
                ["datatype"] = Datatype(c.Type),
            };
            if (FeedCsv.PrimaryKey.Contains(c.Name))
            {
                column["required"] = true;
            }

            return (JsonNode)column;
        }).ToArray();
        var metadata = new JsonObject
        {
            ["@context"] = new JsonArray(Context, new JsonObject { ["@language"] = "ja" }),
            ["url"] = FeedPaths.CsvName,
            ["dc:title"] = $"{feed.Plan.Name.Ja} 進捗状況",
            ["dc:description"] = new JsonObject
            {
                ["@value"] =
                    "Outcome indicators of the plan: actuals, achievement rate and status, one row per indicator, "
                    + "fiscal year and area (the whole city, then each ward).",
                ["@language"] = "en",
            },
            ["dc:publisher"] = feed.Plan.Publisher.Name.Ja,
            ["dc:license"] = new JsonObject { ["@id"] = license.Url },
            ["dc:source"] = license.SourceLine.Ja,
            ["dialect"] = new JsonObject
            {
                ["encoding"] = "utf-8",
                ["header"] = true,
                ["delimiter"] = ",",
                ["lineTerminators"] = new JsonArray("\r\n"),
            },
            ["tableSchema"] = new JsonObject
            {
                ["columns"] = new JsonArray(columns),
                ["primaryKey"] = new JsonArray(FeedCsv.PrimaryKey
                    .Select(k => (JsonNode)FeedCsv.Columns.Single(c => c.Name == k).AsciiName).ToArray()),
            },
        };
        return Encoding.UTF8.GetBytes(metadata.ToJsonString(FeedJson.Options));
    }
}
