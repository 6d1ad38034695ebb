using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// The feed as an Open SDG data source, under <c>open-sdg/</c>: the layout of open-sdg-data-starter
/// (<c>data/indicator_{id}.csv</c>, <c>meta/{id}.yml</c>) and the CSV format of open-sdg's data-format guide:
/// <c>Year</c> first and <c>Value</c> last, <c>Units</c>, the disaggregation <c>Area</c> and <c>GeoCode</c>,
/// then <c>COMMENT_OBS</c>, Open SDG's observation comment: the value's flag and note (RULES.md §13). The headline
/// (whole-city) rows leave Area and GeoCode blank. UTF-8 without a BOM (a BOM would become part of the first
/// header), LF. The meta file names the indicator, its unit, its target (a target line and the progress options),
/// its source and the department's latest commentary (<see cref="OpenSdgCommentary"/>).
/// </summary>
public static class OpenSdgExport
{
    /// <summary>The folder under the plan's feed.</summary>
    public const string Folder = "open-sdg";

    /// <summary>The data file's columns.</summary>
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("Year", "integer", "年度", "Fiscal year (April–March), named by the year it starts in"),
        new("Units", "string", "単位", "Unit"),
        new("Area", "string", "区", "Ward; blank for the whole city (the headline series)"),
        new("GeoCode", "string", "全国地方公共団体コード", "Local government code of the ward; blank for the whole city"),
        new("COMMENT_OBS", "string", "値の注記",
            "The value's flag (速報値 provisional, 推計 estimate, 定義変更 definition change) and note (備考), RULES.md §13"),
        new("Value", "number", "実績値", "Value"),
    ];

    private static readonly CsvWriterOptions Options =
        FeedCsv.Options with { NewLine = "\n", WriteByteOrderMark = false };

    private static readonly JavaScriptEncoder Quoting = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The data file of an indicator.</summary>
    public static string DataName(string indicatorId) => $"{Folder}/data/indicator_{indicatorId}.csv";

    /// <summary>The meta file of an indicator.</summary>
    public static string MetaName(string indicatorId) => $"{Folder}/meta/{indicatorId}.yml";

    /// <summary>A data file and a meta file for each indicator.</summary>
    public static IEnumerable<(string Name, byte[] Content, bool IsData)> Files(ProgressFeed feed) =>
        feed.Indicators.SelectMany(i =>
            new[] { (DataName(i.Id), Data(i), true), (MetaName(i.Id), Meta(feed, i), false) });

    private static byte[] Data(FeedIndicator indicator)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            FeedCsv.Header(csv, Columns);
            foreach (var actual in indicator.Actuals.Where(a => a.Value is not null))
            {
                Row(csv, actual.FiscalYear, indicator.Unit, "", "", Comment(actual.Flag, actual.Note), actual.Value);
                foreach (var area in actual.Areas)
                {
                    Row(csv, actual.FiscalYear, indicator.Unit, area.Name.Ja, area.Code, Comment(area.Flag, area.Note),
                        area.Value);
                }
            }
        }

        return buffer.ToArray();
    }

    private static void Row(
        CsvWriter csv, int year, string unit, string area, string code, string comment, decimal? value)
    {
        FeedCsv.Number(csv, year);
        FeedCsv.Text(csv, unit);
        FeedCsv.Text(csv, area);
        FeedCsv.Text(csv, code);
        FeedCsv.Text(csv, comment);
        FeedCsv.Number(csv, value);
        csv.EndRecord();
    }

    private static byte[] Meta(ProgressFeed feed, FeedIndicator indicator)
    {
        var license = feed.LicenseDetail;
        var target = Number(indicator.Target.Value);
        var direction = indicator.Baseline.Value is { } b && indicator.Target.Value < b ? "negative" : "positive";
        var text = new StringBuilder()
            .Append("# Open SDG indicator metadata (open-sdg-data-starter layout), from ").Append(FeedPaths.JsonName)
                .Append('\n')
            .Append("indicator_number: ").Append(Quote(indicator.Id)).Append('\n')
            .Append("indicator_name: ").Append(Quote(indicator.Name.Ja)).Append('\n')
            .Append("graph_title: ").Append(Quote(indicator.Name.Ja)).Append('\n')
            .Append("indicator_name_en: ").Append(Quote(indicator.Name.En ?? "")).Append('\n')
            .Append("computation_units: ").Append(Quote(indicator.Unit)).Append('\n')
            .Append("national_geographical_coverage: ").Append(Quote(feed.Plan.Publisher.Name.Ja)).Append('\n')
            .Append("reporting_status: ").Append(Quote(indicator.Latest is null ? "notstarted" : "complete"))
                .Append('\n')
            .Append("data_non_statistical: false\n")
            .Append("graph_type: \"line\"\n")
            .Append("graph_target_lines:\n")
            .Append("  - value: ").Append(target).Append('\n')
            .Append("    label_content: ")
                .Append(Quote($"目標 {target}{indicator.Unit}（FY{indicator.Target.FiscalYear}）")).Append('\n')
            .Append("auto_progress_calculation: true\n")
            .Append("progress_calculation_options:\n")
            .Append("  - direction: ").Append(Quote(direction)).Append('\n');
        if (indicator.Baseline.Value is not null)
        {
            text.Append("    base_year: ").Append(indicator.Baseline.FiscalYear.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return Encoding.UTF8.GetBytes(text
            .Append("    target_year: ").Append(indicator.Target.FiscalYear.ToString(CultureInfo.InvariantCulture))
                .Append('\n')
            .Append("    target: ").Append(target).Append('\n')
            .Append("progress_status: ").Append(Quote(PipelineJson.Name(indicator.SdgProgress))).Append('\n')
            .Append("source_active_1: true\n")
            .Append("source_organisation_1: ").Append(Quote(string.Join("・", license.Publishers.Select(p => p.Ja))))
                .Append('\n')
            .Append("source_url_1: ").Append(Quote(license.DatasetUrl)).Append('\n')
            .Append("source_url_text_1: ").Append(Quote(license.SourceLine.Ja)).Append('\n')
            .Append("copyright: ").Append(Quote(license.Attribution.Ja)).Append('\n')
            .Append(OpenSdgCommentary.Meta(indicator))
            .ToString());
    }

    /// <summary>COMMENT_OBS: the flag in both languages, then the note; blank where there is neither.</summary>
    private static string Comment(ValueFlag? flag, string? note)
    {
        var label = flag is { } f ? ValueFlags.Label(f) : null;
        var parts = new[] { label is null ? null : $"{label.Ja} ({label.En})", note }.OfType<string>();
        return string.Join(" / ", parts);
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>A YAML double-quoted scalar (JSON string syntax is valid YAML).</summary>
    private static string Quote(string value) => $"\"{JsonEncodedText.Encode(value, Quoting)}\"";
}
