using CsvHelper;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// progress.sdmx.csv (RULES.md §5), SDMX-CSV 2.0.0 as Power BI's SDMX connector and the SDMX libraries read it:
/// STRUCTURE (<c>dataflow</c>), STRUCTURE_ID (the dataflow of <see cref="SdmxStructure"/>), ACTION (<c>I</c>), then
/// the dimensions, OBS_VALUE and the attributes by id; coded cells are ids (the names are in progress.dsd.xml).
/// One row per indicator × fiscal year × area, as progress.csv, with MONTH <c>_Z</c> (not applicable): the feed
/// publishes fiscal-year values only (RULES.md §5). UTF-8 without a BOM (SDMX readers refuse one), CRLF.
/// </summary>
public static class SdmxCsv
{
    /// <summary>The file name.</summary>
    public const string Name = FeedPaths.SdmxName;

    /// <summary>The media type SDMX-CSV 2.0.0 registers.</summary>
    public const string ContentType = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8";

    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["STRUCTURE", "STRUCTURE_ID", "ACTION", .. SdmxStructure.Dimensions, "OBS_VALUE", .. SdmxStructure.Attributes];

    /// <summary>The file's bytes.</summary>
    public static byte[] Write(ProgressFeed feed) => FeedBuffer.Bytes(output => Write(feed, output));

    /// <summary>Writes the file to <paramref name="output"/>, left open.</summary>
    public static void Write(ProgressFeed feed, Stream output)
    {
        var dataflow = SdmxStructure.DataflowReference(feed);
        var city = feed.Plan.Publisher.LocalGovernmentCode;
        using (var csv = CsvWriter.Create(output, FeedCsv.Options with { WriteByteOrderMark = false }, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var indicator in feed.Indicators)
            {
                foreach (var actual in indicator.Actuals)
                {
                    var status = SdmxStructure.StatusCode(actual.Status);
                    Row(csv, dataflow, indicator, city, actual.FiscalYear, actual.Value, status, actual.Flag);
                    foreach (var area in actual.Areas)
                    {
                        Row(csv, dataflow, indicator, area.Code, actual.FiscalYear, area.Value, "", area.Flag);
                    }
                }
            }
        }
    }

    private static void Row(
        CsvWriter csv, string dataflow, FeedIndicator indicator, string area, int fiscalYear, decimal? value,
        string status, Domain.Observations.ValueFlag? flag)
    {
        csv.WriteField("dataflow");
        csv.WriteField(dataflow);
        csv.WriteField("I");
        csv.WriteField(indicator.Id);
        csv.WriteField(area);
        // MONTH: a fiscal-year value is no month's (RULES.md §5); progress.json carries no monthly values.
        csv.WriteField(SdmxStructure.NotApplicable);
        FeedCsv.Number(csv, fiscalYear);
        FeedCsv.Number(csv, value);
        FeedCsv.Text(csv, indicator.Unit);
        csv.WriteField(status);
        // OBS_FLAG: the value's flag as progress.json writes it (RULES.md §13), empty for a final figure.
        csv.WriteField(flag is { } f ? Domain.Json.PipelineJson.Name(f) : "");
        csv.EndRecord();
    }
}
