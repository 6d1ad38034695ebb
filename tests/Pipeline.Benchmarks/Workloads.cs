using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Benchmarks;

/// <summary>
/// Generated, fixed-seed workloads: a benchmark plan (another plan file, loaded with no code change) and
/// department files of N valid long-form rows (indicator × FY × ward or city × month), as .xlsx and .csv.
/// </summary>
internal static class Workloads
{
    public const string Department = "bench-dept";
    public static readonly string[] Areas = ["431001", "431010", "431028", "431036", "431044", "431052"];
    public const int YearsPerIndicator = 5;
    public const int RowsPerIndicator = YearsPerIndicator * 6 * 12;

    /// <summary>A plan with enough flow indicators for N unique rows, in ten policy directions (ten partitions).</summary>
    public static string PlanJson(string planId, int indicators, int policies = 10)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$$"""
            {"schemaVersion":"1.0","id":"{{{planId}}}","name":{"ja":"ベンチマーク計画","en":"Benchmark plan"},
             "startFiscalYear":2020,"endFiscalYear":2024,
             "publisher":{"name":{"ja":"熊本市","en":"Kumamoto City"},"localGovernmentCode":"431001"},
             "areas":{"city":{"code":"431001","name":{"ja":"熊本市"}},"wards":[
               {"code":"431010","name":{"ja":"中央区"}},{"code":"431028","name":{"ja":"東区"}},{"code":"431036","name":{"ja":"西区"}},
               {"code":"431044","name":{"ja":"南区"}},{"code":"431052","name":{"ja":"北区"}}]},
             "departments":[{"id":"{{{Department}}}","name":{"ja":"ベンチマーク課"},"organisation":"city"}],
             "basicPolicies":[{"id":"I","name":{"ja":"方針"},"policies":[
            """);
        text.AppendJoin(",", Enumerable.Range(1, policies).Select(p => $$"""{"id":"I-{{p}}","name":{"ja":"施策{{p}}"},"measures":[{"id":"I-{{p}}-1","name":{"ja":"事業"},"initiatives":[{"id":"I-{{p}}-1-a","name":{"ja":"取組{{p}}"},"owners":["city"]}]}]}"""));
        text.Append("]}],\"indicators\":[");
        text.AppendJoin(",", Enumerable.Range(1, indicators).Select(i => $$"""{"id":"I-{{(i % policies) + 1}}-K{{i}}","policyId":"I-{{(i % policies) + 1}}","name":{"ja":"指標{{i}}","en":"Indicator {{i}}"},"unit":"件","kind":"flow","baseline":{"fiscalYear":2019,"value":100},"target":{"fiscalYear":2024,"value":200},"owner":"{{Department}}"}"""));
        text.Append("]}");
        return text.ToString();
    }

    public static Plan Plan(string planId, int rows) =>
        PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(PlanJson(planId, IndicatorsFor(rows)))), planId);

    public static int IndicatorsFor(int rows) => Math.Max(1, (rows + RowsPerIndicator - 1) / RowsPerIndicator);

    /// <summary>The rows: (indicator id, 令和 fiscal year, area code, month, value), unique keys, fixed seed.</summary>
    public static IEnumerable<(string Indicator, string FiscalYear, string Area, int Month, int Value)> Rows(int count)
    {
        var random = new Random(431001);
        var policies = 10;
        var emitted = 0;
        for (var i = 1; emitted < count; i++)
        {
            var indicator = $"I-{(i % policies) + 1}-K{i}";
            for (var fy = 2020; fy < 2020 + YearsPerIndicator && emitted < count; fy++)
            {
                foreach (var area in Areas)
                {
                    for (var m = 1; m <= 12 && emitted < count; m++)
                    {
                        emitted++;
                        yield return (indicator, $"令和{fy - 2018}年度", area, m, random.Next(0, 500));
                    }
                }
            }
        }
    }

    public static void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("指標ID,年度,区,月,実績値\r\n");
        foreach (var r in Rows(count))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{r.Indicator},{r.FiscalYear},{r.Area},{r.Month},{r.Value}\r\n"));
        }
    }

    /// <summary>
    /// The same observations as <see cref="WriteCsv"/> in the months-as-columns layout (issue 17): one row per
    /// indicator, fiscal year and area with 4月 … 3月 and 計 (checked against the months, not stored).
    /// </summary>
    public static void WriteMonthsCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        int[] order = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
        writer.Write("指標ID,年度,区," + string.Join(',', order.Select(m => $"{m}月")) + ",計\r\n");
        foreach (var group in Rows(count).Chunk(12))
        {
            var byMonth = group.ToDictionary(r => r.Month, r => r.Value);
            var first = group[0];
            var cells = order.Select(m => byMonth.TryGetValue(m, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "");
            var total = group.Length == 12 ? group.Sum(r => r.Value).ToString(CultureInfo.InvariantCulture) : "";
            writer.Write($"{first.Indicator},{first.FiscalYear},{first.Area},{string.Join(',', cells)},{total}\r\n");
        }
    }

    /// <summary>Writes with the Open XML SDK's streaming writer (inline strings, as many generators do).</summary>
    public static void WriteXlsx(string path, int count)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, ["指標ID", "年度", "区", "月", "実績値"]);
            var index = 2;
            foreach (var r in Rows(count))
            {
                writer.WriteStartElement(new Row { RowIndex = (uint)index });
                Text(writer, r.Indicator);
                Text(writer, r.FiscalYear);
                Number(writer, int.Parse(r.Area, CultureInfo.InvariantCulture));
                Number(writer, r.Month);
                Number(writer, r.Value);
                writer.WriteEndElement();
                index++;
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "実績" }));
    }

    private static void WriteRow(OpenXmlWriter writer, int index, string[] values)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)index });
        foreach (var value in values)
        {
            Text(writer, value);
        }

        writer.WriteEndElement();
    }

    private static void Text(OpenXmlWriter writer, string value) =>
        writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });

    private static void Number(OpenXmlWriter writer, int value) =>
        writer.WriteElement(new Cell { CellValue = new CellValue(value) });
}
