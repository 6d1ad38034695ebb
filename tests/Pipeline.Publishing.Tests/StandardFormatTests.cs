using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Pipeline.Testing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Publishing;

namespace Pipeline.Publishing.Tests;

/// <summary>
/// SDMX, CSVW, the zips and the Dataset JSON-LD (RULES.md §5): their exact shape, and the read-back checks of
/// <see cref="OpenFormatChecks"/> refusing a broken copy, so a green check means something.
/// </summary>
public sealed class StandardFormatTests : IDisposable
{
    private readonly TempFolder _folder = new("standard-formats-");

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyDictionary<string, byte[]> Files() => PublishedFeedChecks.ByName(FeedFiles.Create(FeedFilesTests.SampleFeed()));

    [Fact]
    public void The_sdmx_csv_starts_with_the_structure_columns_then_dimensions_measure_and_attributes_without_a_bom()
    {
        var files = Files();
        var text = Encoding.UTF8.GetString(files[FeedPaths.SdmxName]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,MONTH,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,"
            + "PROGRESS_STATUS,OBS_FLAG", lines[0]);
        Assert.StartsWith("dataflow,LG431001:DF_KUMAMOTO_WELFARE_4(1.0),I,", lines[1], StringComparison.Ordinal);
        Assert.Contains("dataflow,LG431001:DF_KUMAMOTO_WELFARE_4(1.0),I,I-1-K2,431001,_Z,2023,350,人,", text,
            StringComparison.Ordinal);
        // Every observation carries MONTH: _Z (not applicable), as progress.json publishes fiscal-year values only.
        Assert.All(lines.Skip(1), l => Assert.Equal("_Z", l.Split(',')[5]));
        Assert.Equal('S', text[0]); // no BOM before STRUCTURE
    }

    [Fact]
    public void The_structure_puts_month_before_the_time_dimension_coded_by_CL_MONTH_with_Japanese_and_English_names()
    {
        XNamespace str = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
        XNamespace com = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
        var structure = XDocument.Parse(Encoding.UTF8.GetString(Files()[FeedPaths.SdmxStructureName]));
        var dimensions = structure.Descendants(str + "DimensionList").Single().Elements().ToList();
        Assert.Equal(
            [("Dimension", "INDICATOR", "1"), ("Dimension", "REF_AREA", "2"), ("Dimension", "MONTH", "3"),
                ("TimeDimension", "TIME_PERIOD", "4")],
            dimensions.Select(d => (d.Name.LocalName, (string)d.Attribute("id")!, (string)d.Attribute("position")!)));
        var month = dimensions.Single(d => (string)d.Attribute("id")! == "MONTH");
        Assert.Equal("CL_MONTH", (string)month.Descendants(str + "Enumeration").Single().Element("Ref")!.Attribute("id")!);

        var codelist = structure.Descendants(str + "Codelist").Single(c => (string)c.Attribute("id")! == "CL_MONTH");
        string Name(XElement code, string lang) => code.Elements(com + "Name")
            .Single(n => (string)n.Attribute(XNamespace.Xml + "lang")! == lang).Value;
        var codes = codelist.Elements(str + "Code")
            .Select(c => ((string)c.Attribute("id")!, Name(c, "ja"), Name(c, "en"))).ToList();
        Assert.Equal(
            ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "_Z"],
            codes.Select(c => c.Item1));
        Assert.Contains(("04", "4月", "April"), codes);
        Assert.Contains(("03", "3月", "March"), codes);
        Assert.Contains(("_Z", "該当なし", "Not applicable"), codes);
    }

    [Fact]
    public async Task A_broken_structure_or_data_file_is_refused_by_the_schemas_and_by_sdmx1()
    {
        var files = Files();
        var structure = Encoding.UTF8.GetString(files[FeedPaths.SdmxStructureName]);
        var broken = structure.Replace("position=\"2\"", "position=\"two\"", StringComparison.Ordinal);
        Assert.NotEqual(structure, broken);
        Assert.Contains(OpenFormatChecks.SdmxSchemaErrors(Encoding.UTF8.GetBytes(broken)), e => e.Contains("position", StringComparison.Ordinal));
        Assert.Empty(OpenFormatChecks.SdmxSchemaErrors(files[FeedPaths.SdmxStructureName]));

        var structurePath = _folder.File(FeedPaths.SdmxStructureName);
        await File.WriteAllBytesAsync(structurePath, files[FeedPaths.SdmxStructureName]);
        var withBom = _folder.File("bom.sdmx.csv");
        await File.WriteAllBytesAsync(withBom, [.. Encoding.UTF8.Preamble, .. files[FeedPaths.SdmxName]]);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenFormatChecks.ReadSdmxAsync(structurePath, withBom));
        Assert.Contains("Invalid SDMX-CSV", error.Message, StringComparison.Ordinal);

        var badArea = _folder.File("bad-area.sdmx.csv");
        await File.WriteAllTextAsync(badArea, Encoding.UTF8.GetString(files[FeedPaths.SdmxName]).Replace(",431010,", ",999999,", StringComparison.Ordinal));
        var read = await OpenFormatChecks.ReadSdmxAsync(structurePath, badArea);
        Assert.Contains(read.GetProperty("invalid").EnumerateArray(), i => i[1].GetString() == "999999");

        // A month outside CL_MONTH (13) is refused by sdmx1 as the area was.
        var badMonth = _folder.File("bad-month.sdmx.csv");
        var data = Encoding.UTF8.GetString(files[FeedPaths.SdmxName]);
        Assert.Contains(",_Z,2023,", data, StringComparison.Ordinal);
        await File.WriteAllTextAsync(badMonth, data.Replace(",_Z,2023,", ",13,2023,", StringComparison.Ordinal));
        read = await OpenFormatChecks.ReadSdmxAsync(structurePath, badMonth);
        Assert.Contains(read.GetProperty("invalid").EnumerateArray(),
            i => i[0].GetString() == "MONTH" && i[1].GetString() == "13");
    }

    [Fact]
    public void The_csvw_metadata_names_every_column_in_ascii_and_the_check_refuses_a_renamed_header_or_a_bad_cell()
    {
        var files = Files();
        var metadata = JsonDocument.Parse(files[FeedPaths.CsvwName]).RootElement;
        var first = metadata.GetProperty("tableSchema").GetProperty("columns")[0];
        Assert.Equal("lg_code", first.GetProperty("name").GetString());
        Assert.Equal("全国地方公共団体コード", first.GetProperty("titles").GetProperty("und").GetString());
        Assert.Equal(["indicator_id", "fiscal_year", "lg_code"], metadata.GetProperty("tableSchema").GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()));
        OpenFormatChecks.Csvw(files);

        var csv = Encoding.UTF8.GetString(files[FeedPaths.CsvName]);
        Assert.ThrowsAny<Exception>(() => OpenFormatChecks.Csvw(With(files, FeedPaths.CsvName, csv.Replace("fiscal_year", "year", StringComparison.Ordinal))));
        Assert.ThrowsAny<Exception>(() => OpenFormatChecks.Csvw(With(files, FeedPaths.CsvName, csv.Replace(",2023,", ",20x3,", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_plan_zip_holds_every_other_file_and_the_deployment_zip_every_plan_under_its_id()
    {
        var files = Files();
        OpenFormatChecks.Zip(files);
        Assert.Equal(files[FeedPaths.ZipName], PublishedFeedChecks.ByName(FeedFiles.Create(FeedFilesTests.SampleFeed()))[FeedPaths.ZipName]);

        var feed = FeedFilesTests.SampleFeed();
        var index = PlanIndex.Build([feed], feed.GeneratedAt);
        var deployment = FeedFiles.DeploymentArchive(index, new Dictionary<string, byte[]> { [feed.Plan.Id] = files[FeedPaths.ZipName] });
        Assert.Equal(FeedPaths.DeploymentZipPath, deployment.Name);
        using var zip = new ZipArchive(new MemoryStream(deployment.Content), ZipArchiveMode.Read);
        Assert.Equal(["index.json", .. files.Keys.Where(k => k != FeedPaths.ZipName).Select(k => $"{feed.Plan.Id}/{k}").Order(StringComparer.Ordinal)],
            zip.Entries.Select(e => e.FullName).Take(1).Concat(zip.Entries.Skip(1).Select(e => e.FullName).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task The_landing_page_carries_the_deployments_dataset_with_each_plan_as_a_part()
    {
        var feed = FeedFilesTests.SampleFeed();
        var index = PlanIndex.Build([feed], feed.GeneratedAt);
        var page = Encoding.UTF8.GetString(IndexFiles.Create(index).Single(f => f.Name == FeedPaths.LandingPath).Content);
        Assert.Contains($"href=\"{FeedPaths.DeploymentZipPath}\"", page, StringComparison.Ordinal);
        var result = await OpenFormatChecks.DatasetAsync(_folder.Path, page, "https://example.jp/opendata/index.html");
        var datasets = result.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(2, datasets.Count);
        Assert.Equal(["https://example.jp/opendata/feeds/v1/index.json", "https://example.jp/opendata/feeds/v1/progress-all.zip"],
            datasets[0].GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
        Assert.Contains("https://example.jp/opendata/feeds/v1/kumamoto-welfare-4/progress.sdmx.csv",
            datasets[1].GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", datasets[1].GetProperty("license").GetString());

        // The same check refuses a Dataset without its name, and a property schema.org does not have.
        var broken = page.Replace("\"name\": \"熊本市 計画", "\"nome\": \"熊本市 計画", StringComparison.Ordinal);
        Assert.NotEqual(page, broken);
        await Assert.ThrowsAnyAsync<Exception>(() => OpenFormatChecks.DatasetAsync(_folder.Path, broken, "https://example.jp/opendata/index.html"));
    }

    private static Dictionary<string, byte[]> With(IReadOnlyDictionary<string, byte[]> files, string name, string text) =>
        new(files) { [name] = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] };
}
