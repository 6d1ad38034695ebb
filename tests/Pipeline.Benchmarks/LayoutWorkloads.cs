using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Pipeline.Benchmarks;

/// <summary>
/// The observations of <see cref="Workloads.Rows"/> in the other layouts of issue 17, for parse-only runs: wards as
/// columns (with 合計, the whole city, equal to the wards' sum), fiscal years as columns (令和2年度 …), and long form
/// as an OpenDocument spreadsheet (.ods, content.xml written with an XmlWriter as LibreOffice lays it out).
/// </summary>
internal static class LayoutWorkloads
{
    private static readonly string[] WardNames = ["中央区", "東区", "西区", "南区", "北区"];

    /// <summary>One row per indicator, fiscal year and month: the five wards and their total (the city value is the sum).</summary>
    public static void WriteWardsCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("指標ID,年度,月," + string.Join(',', WardNames) + ",合計\r\n");
        foreach (var group in Workloads.Rows(count).GroupBy(r => (r.Indicator, r.FiscalYear, r.Month)))
        {
            var wards = Workloads.Areas.Skip(1).Select(a => group.FirstOrDefault(r => r.Area == a)).ToArray();
            var cells = wards.Select(r => r.Indicator is null ? "" : r.Value.ToString(CultureInfo.InvariantCulture));
            var total = wards.All(r => r.Indicator is not null) && group.Any(r => r.Area == Workloads.Areas[0])
                ? wards.Sum(r => r.Value).ToString(CultureInfo.InvariantCulture) : "";
            writer.Write($"{group.Key.Indicator},{group.Key.FiscalYear},{group.Key.Month},{string.Join(',', cells)},{total}\r\n");
        }
    }

    /// <summary>One row per indicator, area and month: a column per fiscal year (令和2年度 … 令和6年度).</summary>
    public static void WriteYearsCsv(string path, int count)
    {
        var years = Enumerable.Range(2020, Workloads.YearsPerIndicator).Select(fy => $"令和{fy - 2018}年度").ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("指標ID,区,月," + string.Join(',', years) + "\r\n");
        foreach (var group in Workloads.Rows(count).GroupBy(r => (r.Indicator, r.Area, r.Month)))
        {
            var cells = years.Select(y => group.FirstOrDefault(r => r.FiscalYear == y) is { Indicator: not null } r ? r.Value.ToString(CultureInfo.InvariantCulture) : "");
            writer.Write($"{group.Key.Indicator},{group.Key.Area},{group.Key.Month},{string.Join(',', cells)}\r\n");
        }
    }

    /// <summary>Long form as .ods: string and float cells, each row padded with an empty repeated cell, as LibreOffice writes.</summary>
    public static void WriteOds(string path, int count)
    {
        const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var mimetype = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open(), new UTF8Encoding(false)))
        {
            mimetype.Write("application/vnd.oasis.opendocument.spreadsheet");
        }

        using var content = zip.CreateEntry("content.xml", CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(content, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("office", "document-content", Office);
        xml.WriteAttributeString("xmlns", "table", null, Table);
        xml.WriteAttributeString("xmlns", "text", null, Text);
        xml.WriteStartElement("office", "body", Office);
        xml.WriteStartElement("office", "spreadsheet", Office);
        xml.WriteStartElement("table", "table", Table);
        xml.WriteAttributeString("table", "name", Table, "実績");
        void Cell(string? text, int? number)
        {
            xml.WriteStartElement("table", "table-cell", Table);
            xml.WriteAttributeString("office", "value-type", Office, number is null ? "string" : "float");
            if (number is { } n)
            {
                xml.WriteAttributeString("office", "value", Office, n.ToString(CultureInfo.InvariantCulture));
            }

            xml.WriteElementString("text", "p", Text, text ?? number!.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        void Row(Action cells)
        {
            xml.WriteStartElement("table", "table-row", Table);
            cells();
            xml.WriteStartElement("table", "table-cell", Table);
            xml.WriteAttributeString("table", "number-columns-repeated", Table, "16379");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        Row(() => Array.ForEach(["指標ID", "年度", "区", "月", "実績値"], h => Cell(h, null)));
        foreach (var r in Workloads.Rows(count))
        {
            Row(() =>
            {
                Cell(r.Indicator, null);
                Cell(r.FiscalYear, null);
                Cell(null, int.Parse(r.Area, CultureInfo.InvariantCulture));
                Cell(null, r.Month);
                Cell(null, r.Value);
            });
        }

        xml.WriteStartElement("table", "table-row", Table);
        xml.WriteAttributeString("table", "number-rows-repeated", Table, (1_048_575 - count).ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("table", "table-cell", Table);
        xml.WriteAttributeString("table", "number-columns-repeated", Table, "16384");
        xml.WriteEndDocument();
    }
}
