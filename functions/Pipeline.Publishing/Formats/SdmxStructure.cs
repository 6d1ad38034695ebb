using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// progress.dsd.xml (RULES.md §5): the SDMX-ML 2.1 structure message that progress.sdmx.csv refers to — the
/// dataflow, its data structure (dimensions INDICATOR, REF_AREA, MONTH, TIME_PERIOD; measure OBS_VALUE; attributes
/// UNIT_MEASURE, PROGRESS_STATUS, OBS_FLAG), the concepts and the code lists of indicators, areas, months and
/// statuses, each named in Japanese and English. Every id but CL_MONTH's (the same in every plan) carries the plan's
/// key, so two plans' structures never clash.
/// </summary>
public static class SdmxStructure
{
    /// <summary>The file name.</summary>
    public const string Name = FeedPaths.SdmxStructureName;

    /// <summary>The version of every maintainable artefact.</summary>
    public const string Version = "1.0";

    /// <summary>The dimensions in key order; TIME_PERIOD (the fiscal year) is last, as SDMX 2.1 requires.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["INDICATOR", "REF_AREA", "MONTH", "TIME_PERIOD"];

    /// <summary>The id of the month code list, <c>01</c>–<c>12</c> and <see cref="NotApplicable"/>.</summary>
    public const string MonthCodelist = "CL_MONTH";

    /// <summary>MONTH of a value that is not a month's: <c>_Z</c>, SDMX's code for "not applicable" (RULES.md §5:
    /// the feed publishes fiscal-year values only, so every observation carries it today).</summary>
    public const string NotApplicable = "_Z";

    /// <summary>The month codes: <c>01</c>–<c>12</c> (1月/January …), then <see cref="NotApplicable"/>.</summary>
    public static IEnumerable<(string Id, LocalizedText Name)> MonthCodes() =>
        Enumerable.Range(1, 12)
            .Select(m => (m.ToString("00", CultureInfo.InvariantCulture), new LocalizedText(
                $"{m}月", CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m))))
            .Append((NotApplicable, new LocalizedText("該当なし", "Not applicable")));

    /// <summary>The attributes, in the order progress.sdmx.csv writes them.</summary>
    public static readonly IReadOnlyList<string> Attributes = ["UNIT_MEASURE", "PROGRESS_STATUS", "OBS_FLAG"];

    private static readonly XNamespace Mes = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    private static readonly XNamespace Str = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    private static readonly XNamespace Com = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";

    /// <summary>The maintenance agency: the publisher's 全国地方公共団体コード after <c>LG</c> (an SDMX id starts with a
    /// letter).</summary>
    public static string Agency(ProgressFeed feed) => "LG" + feed.Plan.Publisher.LocalGovernmentCode;

    /// <summary>The plan id as an SDMX id part: upper case, anything but letters, digits and _ as _.</summary>
    public static string PlanKey(ProgressFeed feed) =>
        string.Concat(feed.Plan.Id.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    /// <summary>The dataflow's id, <c>DF_{plan key}</c>.</summary>
    public static string DataflowId(ProgressFeed feed) => "DF_" + PlanKey(feed);

    /// <summary>The dataflow as SDMX-CSV's STRUCTURE_ID names it: <c>AGENCY:ID(VERSION)</c>.</summary>
    public static string DataflowReference(ProgressFeed feed) => $"{Agency(feed)}:{DataflowId(feed)}({Version})";

    /// <summary>The progress statuses as codes: their published names (RULES.md §4).</summary>
    public static string StatusCode(ProgressStatus status) => Domain.Json.PipelineJson.Name(status);

    /// <summary>The areas of the published values: the whole city first, then each ward in order of first
    /// appearance.</summary>
    public static IReadOnlyList<(string Code, LocalizedText Name)> Areas(ProgressFeed feed)
    {
        var areas =
            new List<(string Code,
                LocalizedText Name)> { (feed.Plan.Publisher.LocalGovernmentCode, feed.Plan.Publisher.Name) };
        foreach (var area in feed.Indicators.SelectMany(i => i.Actuals).SelectMany(a => a.Areas))
        {
            if (areas.TrueForAll(a => a.Code != area.Code))
            {
                areas.Add((area.Code, area.Name));
            }
        }

        return areas;
    }

    /// <summary>The structure message's bytes (UTF-8, no BOM).</summary>
    public static byte[] Write(ProgressFeed feed) => FeedBuffer.Bytes(output => Write(feed, output));

    /// <summary>Writes the structure message to <paramref name="output"/> (UTF-8, no BOM), left open.</summary>
    public static void Write(ProgressFeed feed, Stream output)
    {
        var key = PlanKey(feed);
        var agency = Agency(feed);
        var statuses = FeedBuilder.CountedStatuses.Select(s => (StatusCode(s), StatusLabels.Of(s)));
        var message = new XElement(Mes + "Structure",
            new XAttribute(XNamespace.Xmlns + "mes", Mes),
            new XAttribute(XNamespace.Xmlns + "str", Str),
            new XAttribute(XNamespace.Xmlns + "com", Com),
            new XElement(Mes + "Header",
                new XElement(Mes + "ID", "DSD_" + key),
                new XElement(Mes + "Test", "false"),
                new XElement(Mes + "Prepared",
                    feed.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
                new XElement(Mes + "Sender", new XAttribute("id", agency))),
            new XElement(Mes + "Structures",
                new XElement(Str + "Dataflows",
                    Maintainable("Dataflow", DataflowId(feed), agency, Names(feed.Plan.Name, " 進捗状況", ": progress"),
                        new XElement(Str + "Structure", Ref("DSD_" + key, agency, "datastructure", "DataStructure")))),
                new XElement(Str + "Codelists",
                    Codelist("CL_INDICATOR_" + key, agency, new("成果指標", "Outcome indicator"),
                        feed.Indicators.Select(i => (i.Id, i.Name))),
                    Codelist("CL_AREA_" + key, agency, new("地域（全国地方公共団体コード）", "Area (local government code)"),
                        Areas(feed)),
                    Codelist(MonthCodelist, agency, new("月", "Month"), MonthCodes()),
                    Codelist("CL_PROGRESS_STATUS_" + key, agency, new("進捗状況", "Progress status"), statuses)),
                new XElement(Str + "Concepts",
                    Maintainable("ConceptScheme", "CS_" + key, agency, Names(new("計画進捗の概念", "Plan progress concepts")),
                        Concepts.Select(c =>
                            new XElement(Str + "Concept", new XAttribute("id", c.Id), Names(c.Name))))),
                new XElement(Str + "DataStructures",
                    Maintainable("DataStructure", "DSD_" + key, agency,
                        Names(feed.Plan.Name, " 進捗データ構造", ": progress data structure"),
                        Components(key, agency)))));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        using var writer = XmlWriter.Create(output, settings);
        new XDocument(new XDeclaration("1.0", "UTF-8", null), message).Save(writer);
    }

    private static readonly (string Id, LocalizedText Name)[] Concepts =
    [
        ("INDICATOR", new("成果指標", "Outcome indicator")),
        ("REF_AREA", new("地域（全国地方公共団体コード）", "Reference area (local government code)")),
        ("MONTH", new("月（年度の値は _Z：該当なし）", "Month (_Z, not applicable, for a fiscal-year value)")),
        ("TIME_PERIOD", new("年度（4月〜翌年3月、始まる年で表す）", "Fiscal year (April to March, named by the year it starts in)")),
        ("OBS_VALUE", new("実績値", "Observation value")),
        ("UNIT_MEASURE", new("単位", "Unit of measure")),
        ("PROGRESS_STATUS", new("進捗状況（市全体の行のみ）", "Progress status (whole-city rows only)")),
        ("OBS_FLAG", new("値の区分（速報値・推計・定義変更、確報値は空欄）",
            "Flag of the value (provisional, estimate, definition_change; RULES.md §13); empty for a final figure")),
    ];

    private static XElement Components(string key, string agency)
    {
        XElement Concept(string id) => new(Str + "ConceptIdentity", new XElement("Ref",
            new XAttribute("id", id), new XAttribute("maintainableParentID", "CS_" + key),
            new XAttribute("maintainableParentVersion", Version), new XAttribute("agencyID", agency),
            new XAttribute("package", "conceptscheme"), new XAttribute("class", "Concept")));
        XElement Coded(string codelist) => new(Str + "LocalRepresentation",
            new XElement(Str + "Enumeration", Ref(codelist, agency, "codelist", "Codelist")));
        XElement Text(string type) =>
            new(Str + "LocalRepresentation", new XElement(Str + "TextFormat", new XAttribute("textType", type)));
        XElement Attribute(string id, string status, XElement representation, XElement relationship) =>
            new(Str + "Attribute",
            new XAttribute("id", id), new XAttribute("assignmentStatus", status), Concept(id), representation,
                relationship);
        XElement ToMeasure() =>
            new(Str + "AttributeRelationship",
                new XElement(Str + "PrimaryMeasure", new XElement("Ref", new XAttribute("id", "OBS_VALUE"))));

        return new XElement(Str + "DataStructureComponents",
            new XElement(Str + "DimensionList", new XAttribute("id", "DimensionDescriptor"),
                new XElement(Str + "Dimension", new XAttribute("id", "INDICATOR"), new XAttribute("position", 1),
                    Concept("INDICATOR"), Coded("CL_INDICATOR_" + key)),
                new XElement(Str + "Dimension", new XAttribute("id", "REF_AREA"), new XAttribute("position", 2),
                    Concept("REF_AREA"), Coded("CL_AREA_" + key)),
                new XElement(Str + "Dimension", new XAttribute("id", "MONTH"), new XAttribute("position", 3),
                    Concept("MONTH"), Coded(MonthCodelist)),
                new XElement(Str + "TimeDimension", new XAttribute("id", "TIME_PERIOD"), new XAttribute("position", 4),
                    Concept("TIME_PERIOD"),
                    Text("ObservationalTimePeriod"))),
            new XElement(Str + "AttributeList", new XAttribute("id", "AttributeDescriptor"),
                Attribute("UNIT_MEASURE", "Mandatory", Text("String"), new XElement(Str + "AttributeRelationship",
                    new XElement(Str + "Dimension", new XElement("Ref", new XAttribute("id", "INDICATOR"))))),
                Attribute("PROGRESS_STATUS", "Conditional", Coded("CL_PROGRESS_STATUS_" + key), ToMeasure()),
                Attribute("OBS_FLAG", "Conditional", Text("String"), ToMeasure())),
            new XElement(Str + "MeasureList", new XAttribute("id", "MeasureDescriptor"),
                new XElement(Str + "PrimaryMeasure", new XAttribute("id", "OBS_VALUE"), Concept("OBS_VALUE"),
                    Text("Double"))));
    }

    private static XElement Maintainable(string element, string id, string agency, IEnumerable<XElement> names,
        params object[] content) =>
        new(Str + element, new XAttribute("id", id), new XAttribute("agencyID", agency),
            new XAttribute("version", Version), names, content);

    private static XElement Codelist(string id, string agency, LocalizedText name,
        IEnumerable<(string Id, LocalizedText Name)> codes) =>
        Maintainable("Codelist", id, agency, Names(name),
            codes.Select(c => new XElement(Str + "Code", new XAttribute("id", c.Id), Names(c.Name))));

    private static XElement Ref(string id, string agency, string package, string @class) => new("Ref",
        new XAttribute("id", id), new XAttribute("agencyID", agency), new XAttribute("version", Version),
        new XAttribute("package", package), new XAttribute("class", @class));

    private static IEnumerable<XElement> Names(LocalizedText name, string jaSuffix = "", string enSuffix = "")
    {
        yield return new XElement(Com + "Name", new XAttribute(XNamespace.Xml + "lang", "ja"), name.Ja + jaSuffix);
        if (name.En is { } en)
        {
            yield return new XElement(Com + "Name", new XAttribute(XNamespace.Xml + "lang", "en"), en + enSuffix);
        }
    }
}
