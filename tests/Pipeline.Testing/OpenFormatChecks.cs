using Pipeline.Domain.Catalogue;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Xunit;
using Pipeline.Domain.Json;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Testing;

/// <summary>
/// The standard formats published beside progress.json, read back by the tools named in RULES.md §5: the SDMX
/// structure against the official SDMX-ML 2.1 schemas (checked in under Sdmx/) and both SDMX files by the sdmx1
/// library (vendored under vendor/sdmx) and pandas; the CSVW metadata column by column against progress.csv (no CSVW
/// validator installs here); the zip by its listing; the dashboard's schema.org Dataset by jsonld.
/// </summary>
public static partial class OpenFormatChecks
{
    /// <summary>Runs every check on the files written in <paramref name="folder"/> at their published names.</summary>
    public static async Task AssertAsync(string folder, IReadOnlyDictionary<string, byte[]> files, ProgressFeed feed)
    {
        AssertValidSdmxStructure(files[FeedPaths.SdmxStructureName]);
        await SdmxAsync(folder, files, feed);
        Csvw(files);
        Zip(files);
        var page = Encoding.UTF8.GetString(files[FeedPaths.DashboardName]);
        var dataset = await DatasetAsync(folder, page, "https://example.jp/opendata/" + FeedPaths.Folder(PlanId.Parse(feed.Plan.Id)) + "/index.html");
        var plan = Assert.Single(dataset.GetProperty("datasets").EnumerateArray());
        Assert.Equal(feed.LicenseDetail.Url, plan.GetProperty("license").GetString());
        Assert.Equal($"{feed.Plan.StartFiscalYear}-04-01/{feed.Plan.EndFiscalYear + 1}-03-31", plan.GetProperty("temporalCoverage").GetString());
        Assert.Equal(feed.Plan.Publisher.LocalGovernmentCode, plan.GetProperty("spatialCoverage").GetString());
        Assert.Equal(FeedFiles.DownloadNames.Select(n => "https://example.jp/opendata/" + FeedPaths.Folder(PlanId.Parse(feed.Plan.Id)) + "/" + n),
            plan.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
        Assert.All(FeedFiles.DownloadNames, n => Assert.True(files.ContainsKey(n), n));
    }

    /// <summary>The structure message is valid SDMX-ML 2.1 (the official XSDs, offline), every error located.</summary>
    public static void AssertValidSdmxStructure(byte[] structure)
    {
        var errors = SdmxSchemaErrors(structure);
        Assert.True(errors.Count == 0, "progress.dsd.xml against SDMXMessage.xsd:\n" + string.Join('\n', errors));
    }

    /// <summary>The SDMX-ML 2.1 schema errors of a structure message (line: message).</summary>
    public static IReadOnlyList<string> SdmxSchemaErrors(byte[] structure)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add("http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message", Path.Combine(AppContext.BaseDirectory, "Sdmx", "SDMXMessage.xsd"));
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(structure), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>What sdmx1 and pandas read from the two SDMX files (Clients/read_sdmx.py).</summary>
    public static Task<JsonElement> ReadSdmxAsync(string structurePath, string dataPath) =>
        RealClients.RunScriptAsync("read_sdmx.py", structurePath, dataPath);

    private static async Task SdmxAsync(string folder, IReadOnlyDictionary<string, byte[]> files, ProgressFeed feed)
    {
        var data = files[FeedPaths.SdmxName];
        Assert.False(data.AsSpan().StartsWith(Encoding.UTF8.Preamble), "progress.sdmx.csv must have no BOM (SDMX readers refuse one)");
        var read = await ReadSdmxAsync(Path.Combine(folder, FeedPaths.SdmxStructureName), Path.Combine(folder, FeedPaths.SdmxName));
        Assert.Equal(SdmxStructure.Dimensions, read.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["OBS_VALUE"], read.GetProperty("measures").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(SdmxStructure.Attributes, read.GetProperty("attributes").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("ActionType.information", read.GetProperty("action").GetString());
        Assert.Empty(read.GetProperty("invalid").EnumerateArray());
        Assert.Equal(feed.Plan.Name.Ja + " 進捗状況", read.GetProperty("dataflowName").GetProperty("ja").GetString());

        var codelists = read.GetProperty("codelists").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.EnumerateArray().ToList());
        var indicators = codelists.Single(c => c.Key.StartsWith("CL_INDICATOR_", StringComparison.Ordinal)).Value;
        Assert.Equal(feed.Indicators.Select(i => (i.Id, i.Name.Ja, i.Name.En)), indicators.Select(c => (
            c.GetProperty("id").GetString()!, c.GetProperty("name").GetProperty("ja").GetString()!, c.GetProperty("name").GetProperty("en").GetString())));
        var areas = codelists.Single(c => c.Key.StartsWith("CL_AREA_", StringComparison.Ordinal)).Value;
        Assert.Equal(SdmxStructure.Areas(feed).Select(a => (a.Code, a.Name.Ja, a.Name.En)), areas.Select(c => (
            c.GetProperty("id").GetString()!, c.GetProperty("name").GetProperty("ja").GetString()!, c.GetProperty("name").GetProperty("en").GetString())));
        Assert.All(codelists.Values.SelectMany(c => c), c => Assert.Equal(2, c.GetProperty("name").EnumerateObject().Count()));
        // MONTH: 01–12 named 1月/January …, and _Z, not applicable, the month of a fiscal-year value.
        var months = codelists[SdmxStructure.MonthCodelist].Select(c => (c.GetProperty("id").GetString()!,
            c.GetProperty("name").GetProperty("ja").GetString()!, c.GetProperty("name").GetProperty("en").GetString()!));
        Assert.Equal(
            Enumerable.Range(1, 12).Select(m => (m.ToString("00", CultureInfo.InvariantCulture), $"{m}月",
                    CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)))
                .Append(("_Z", "該当なし", "Not applicable")),
            months);

        // Every value of the feed, city and wards, is one observation with its unit, (city rows) status and flag.
        var city = feed.Plan.Publisher.LocalGovernmentCode;
        static string Flag(Domain.Observations.ValueFlag? flag) => flag is { } f ? PipelineJson.Name(f) : "";
        // progress.json carries fiscal-year values only: every observation's MONTH is _Z (RULES.md §5).
        var expected = feed.Indicators.SelectMany(i => i.Actuals.SelectMany(a =>
            new[] { (i.Id, city, "_Z", a.FiscalYear, a.Value, i.Unit, PipelineJson.Name(a.Status), Flag(a.Flag)) }
                .Concat(a.Areas.Select(w =>
                    (i.Id, w.Code, "_Z", a.FiscalYear, (decimal?)w.Value, i.Unit, "", Flag(w.Flag))))))
            .ToList();
        var observations = read.GetProperty("observations").EnumerateArray().Select(o => (
            o.GetProperty("key").GetProperty("INDICATOR").GetString()!, o.GetProperty("key").GetProperty("REF_AREA").GetString()!,
            o.GetProperty("key").GetProperty("MONTH").GetString()!,
            int.Parse(o.GetProperty("key").GetProperty("TIME_PERIOD").GetString()!, CultureInfo.InvariantCulture),
            o.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null
                : decimal.Parse(o.GetProperty("value").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            o.GetProperty("attributes").GetProperty("UNIT_MEASURE").GetString()!,
            o.GetProperty("attributes").TryGetProperty("PROGRESS_STATUS", out var s) ? s.GetString() ?? "" : "",
            o.GetProperty("attributes").TryGetProperty("OBS_FLAG", out var f) ? f.GetString() ?? "" : "")).ToList();
        Assert.Equal(expected, observations);
        Assert.NotEmpty(observations);

        var pandas = read.GetProperty("pandas");
        Assert.Equal(SdmxCsv.Columns, pandas.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        // A number either way: int64 where every published value is whole and none is missing (one upload of counts).
        Assert.Contains(pandas.GetProperty("dtypes").GetProperty("OBS_VALUE").GetString(), NumericDtypes);
        var rows = pandas.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(SdmxStructure.DataflowReference(feed), r.GetProperty("STRUCTURE_ID").GetString()));
        Assert.All(rows, r => Assert.Equal("_Z", r.GetProperty("MONTH").GetString()));
        Assert.Matches(StructureId(), SdmxStructure.DataflowReference(feed));
    }

    private static readonly string[] NumericDtypes = ["float64", "int64"];

    [GeneratedRegex(@"^[A-Za-z][\w.-]*:[A-Za-z0-9_@$-]+\(\d+(\.\d+)*\)$")]
    private static partial Regex StructureId();

    /// <summary>
    /// The CSVW metadata against the file it describes, column by column (CSVW metadata §5, tabular model §8): the
    /// context, the url beside it, ASCII names, every header cell one of its column's titles, every cell of its datatype,
    /// required cells present, primary keys unique, and the columns those of progress.csv's Table Schema.
    /// </summary>
    public static void Csvw(IReadOnlyDictionary<string, byte[]> files)
    {
        var metadata = JsonDocument.Parse(files[FeedPaths.CsvwName]).RootElement;
        var context = metadata.GetProperty("@context");
        Assert.Equal(CsvwMetadata.Context, context.ValueKind == JsonValueKind.Array ? context[0].GetString() : context.GetString());
        var url = metadata.GetProperty("url").GetString()!;
        Assert.True(files.ContainsKey(url), $"url {url} is not a published file");
        Assert.Equal("utf-8", metadata.GetProperty("dialect").GetProperty("encoding").GetString());
        var columns = metadata.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().ToList();
        var names = columns.Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.All(names, n => Assert.Matches("^[A-Za-z0-9](?:[A-Za-z0-9_]|%[0-9A-F]{2})*$", n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FeedCsv.Columns.Select(c => c.AsciiName), names);

        var text = Encoding.UTF8.GetString(files[url]).TrimStart('\uFEFF');
        var lines = text.Split("\r\n").Where(l => l.Length > 0).Select(SplitCsv).ToList();
        var header = lines[0];
        Assert.Equal(columns.Count, header.Count);
        foreach (var (column, cell) in columns.Zip(header))
        {
            var titles = column.GetProperty("titles").EnumerateObject().Select(t => t.Value.GetString()).ToList();
            Assert.True(titles.Contains(cell), $"header {cell} is none of the titles of column {column.GetProperty("name")}");
            Assert.True(column.GetProperty("titles").TryGetProperty("ja", out _) && column.GetProperty("titles").TryGetProperty("en", out _));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var keyColumns = metadata.GetProperty("tableSchema").GetProperty("primaryKey").EnumerateArray().Select(k => names.IndexOf(k.GetString()!)).ToList();
        Assert.DoesNotContain(-1, keyColumns);
        foreach (var (row, number) in lines.Skip(1).Select((r, i) => (r, i + 2)))
        {
            Assert.Equal(columns.Count, row.Count);
            foreach (var (column, cell) in columns.Zip(row))
            {
                var where = $"progress.csv line {number}, column {column.GetProperty("name")}";
                if (cell.Length == 0)
                {
                    Assert.False(column.TryGetProperty("required", out var required) && required.GetBoolean(), where + " is required");
                    continue;
                }

                Assert.True(OfDatatype(column.GetProperty("datatype"), cell), $"{where}: {cell} is not {column.GetProperty("datatype")}");
            }

            Assert.True(keys.Add(string.Join('\u0001', keyColumns.Select(k => row[k]))), $"progress.csv line {number}: primary key repeated");
        }

        Assert.True(lines.Count > 1, "progress.csv has no rows to check");
    }

    private static bool OfDatatype(JsonElement datatype, string cell)
    {
        var (name, format) = datatype.ValueKind == JsonValueKind.String ? (datatype.GetString()!, null)
            : (datatype.GetProperty("base").GetString()!, datatype.TryGetProperty("format", out var f) ? f.GetString() : null);
        return name switch
        {
            "string" => format is null || Regex.IsMatch(cell, format),
            "integer" => Regex.IsMatch(cell, "^[-+]?[0-9]+$"),
            "number" => Regex.IsMatch(cell, @"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"),
            "boolean" => format is null ? cell is "true" or "false" or "1" or "0" : format.Split('|').Contains(cell),
            "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "dateTimeStamp" => Regex.IsMatch(cell, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
                && DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => throw new InvalidOperationException($"the check knows no CSVW datatype {name}"),
        };
    }

    /// <summary>One RFC 4180 record (quoted cells, doubled quotes; no line breaks inside cells in these files).</summary>
    public static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') { quoted = !quoted; }
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else { cell.Append(c); }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>The zip lists every other published file at its path, each with the same bytes.</summary>
    public static void Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        using var zip = new ZipArchive(new MemoryStream(files[FeedPaths.ZipName]), ZipArchiveMode.Read);
        var listed = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files.Keys.Where(k => k != FeedPaths.ZipName).Order(StringComparer.Ordinal), listed);
        Assert.Contains(listed, e => e.StartsWith(OpenSdgExport.Folder + "/", StringComparison.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(files[entry.FullName].AsSpan().SequenceEqual(copy.ToArray()), entry.FullName);
        }
    }

    /// <summary>The page's schema.org JSON-LD as jsonld reads it (Clients/check_dataset.mjs), with no error.</summary>
    public static async Task<JsonElement> DatasetAsync(string folder, string page, string pageUrl)
    {
        var match = Regex.Match(page, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, "the page has no application/ld+json script");
        Assert.Single(Regex.Matches(page, "application/ld\\+json"));
        var path = Path.Combine(folder, $"dataset-{Guid.NewGuid():N}.jsonld");
        await File.WriteAllTextAsync(path, match.Groups[1].Value);
        var result = await RealClients.NodeScriptAsync("check_dataset.mjs", path, pageUrl);
        File.Delete(path);
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        return result;
    }
}
