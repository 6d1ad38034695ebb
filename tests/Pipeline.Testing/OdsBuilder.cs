using System.Globalization;
using System.Text;
using System.Xml;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Testing;

/// <summary>
/// Builds .ods workbooks in memory (content.xml written with an XmlWriter, packaged by <see cref="RawOds"/>), the
/// way LibreOffice lays them out: equal neighbouring cells folded into <c>table:number-columns-repeated</c>, each
/// row padded with empty repeated cells to column 1024 and each sheet with empty repeated rows to row 1,048,576;
/// merged ranges as spanned cells over <c>table:covered-table-cell</c>s; line breaks as paragraphs and runs of
/// spaces as <c>text:s</c>; values as <see cref="WorkbookBuilder"/> takes them (text, numbers, <see cref="Percent"/>,
/// dates, <see cref="Formula"/> with or without a cached result).
/// </summary>
public sealed class OdsBuilder
{
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private readonly List<(string Name, List<object?[]> Rows, List<(int Row, int Column, int Rows, int Columns)> Merges)> _sheets = [];

    public OdsBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows.ToList(), []));
        return this;
    }

    /// <summary>Merges a range (such as <c>A1:F1</c>) on the last sheet added.</summary>
    public OdsBuilder Merge(string range)
    {
        var corners = range.Split(':');
        var (r1, c1) = Reference(corners[0]);
        var (r2, c2) = Reference(corners[1]);
        _sheets[^1].Merges.Add((r1, c1, r2 - r1 + 1, c2 - c1 + 1));
        return this;
    }

    public byte[] Build()
    {
        var content = new StringBuilder();
        using (var xml = XmlWriter.Create(content, new XmlWriterSettings { OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("office", "document-content", Office);
            xml.WriteAttributeString("xmlns", "table", null, Table);
            xml.WriteAttributeString("xmlns", "text", null, Text);
            xml.WriteStartElement("office", "body", Office);
            xml.WriteStartElement("office", "spreadsheet", Office);
            foreach (var (name, rows, merges) in _sheets)
            {
                xml.WriteStartElement("table", "table", Table);
                xml.WriteAttributeString("table", "name", Table, name);
                for (var r = 0; r < rows.Count; r++)
                {
                    WriteRow(xml, rows[r], r + 1, merges);
                }

                xml.WriteStartElement("table", "table-row", Table);
                xml.WriteAttributeString("table", "number-rows-repeated", Table, (1_048_576 - rows.Count).ToString(CultureInfo.InvariantCulture));
                Empty(xml, 1024);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndDocument();
        }

        return RawOds.Package(content.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal));
    }

    private static void WriteRow(XmlWriter xml, object?[] row, int rowNumber, List<(int Row, int Column, int Rows, int Columns)> merges)
    {
        xml.WriteStartElement("table", "table-row", Table);
        var c = 0;
        while (c < row.Length)
        {
            var column = c + 1;
            if (merges.Any(m => Covers(m, rowNumber, column) && (m.Row, m.Column) != (rowNumber, column)))
            {
                xml.WriteStartElement("table", "covered-table-cell", Table);
                xml.WriteEndElement();
                c++;
                continue;
            }

            var repeat = 1;
            var merge = merges.FirstOrDefault(m => (m.Row, m.Column) == (rowNumber, column));
            while (merge == default && c + repeat < row.Length && Equals(row[c + repeat], row[c])
                && !merges.Any(m => Covers(m, rowNumber, column + repeat)))
            {
                repeat++;
            }

            xml.WriteStartElement("table", "table-cell", Table);
            if (repeat > 1)
            {
                xml.WriteAttributeString("table", "number-columns-repeated", Table, repeat.ToString(CultureInfo.InvariantCulture));
            }

            if (merge != default)
            {
                xml.WriteAttributeString("table", "number-columns-spanned", Table, merge.Columns.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("table", "number-rows-spanned", Table, merge.Rows.ToString(CultureInfo.InvariantCulture));
            }

            WriteValue(xml, row[c]);
            xml.WriteEndElement();
            c += repeat;
        }

        Empty(xml, 1024 - row.Length);
        xml.WriteEndElement();
    }

    private static void WriteValue(XmlWriter xml, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                xml.WriteAttributeString("office", "value-type", Office, "string");
                foreach (var line in s.Split('\n'))
                {
                    Paragraph(xml, line);
                }

                return;
            case Percent p:
                Number(xml, "percentage", p.Fraction, (p.Fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
                return;
            case DateTime d:
                xml.WriteAttributeString("office", "value-type", Office, "date");
                xml.WriteAttributeString("office", "date-value", Office, d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                Paragraph(xml, d.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
                return;
            case Formula f:
                xml.WriteAttributeString("table", "formula", Table, "of:=" + f.Expression);
                if (f.Cached is { } cached)
                {
                    Number(xml, "float", cached, cached.ToString(CultureInfo.InvariantCulture));
                }

                return;
            case int or double or decimal:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                Number(xml, "float", number, number.ToString("#,##0.###", CultureInfo.InvariantCulture));
                return;
            default:
                throw new ArgumentException($"Unsupported cell value {value.GetType()}");
        }
    }

    private static void Number(XmlWriter xml, string type, double value, string shown)
    {
        xml.WriteAttributeString("office", "value-type", Office, type);
        xml.WriteAttributeString("office", "value", Office, value.ToString("R", CultureInfo.InvariantCulture));
        Paragraph(xml, shown);
    }

    /// <summary>A paragraph as LibreOffice writes it: a run of spaces after the first as <c>text:s</c>.</summary>
    private static void Paragraph(XmlWriter xml, string line)
    {
        xml.WriteStartElement("text", "p", Text);
        var i = 0;
        while (i < line.Length)
        {
            var run = 0;
            while (i + run < line.Length && line[i + run] == ' ')
            {
                run++;
            }

            if (run > 1 || (run == 1 && (i == 0 || i == line.Length - 1)))
            {
                xml.WriteStartElement("text", "s", Text);
                xml.WriteAttributeString("text", "c", Text, run.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
                i += run;
                continue;
            }

            var end = line.IndexOf("  ", i + run, StringComparison.Ordinal);
            end = end < 0 ? line.Length : end;
            xml.WriteString(line[i..end]);
            i = end;
        }

        xml.WriteEndElement();
    }

    private static void Empty(XmlWriter xml, int columns)
    {
        if (columns > 0)
        {
            xml.WriteStartElement("table", "table-cell", Table);
            xml.WriteAttributeString("table", "number-columns-repeated", Table, columns.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
    }

    private static bool Covers((int Row, int Column, int Rows, int Columns) m, int row, int column) =>
        row >= m.Row && row < m.Row + m.Rows && column >= m.Column && column < m.Column + m.Columns;

    private static (int Row, int Column) Reference(string reference)
    {
        var letters = reference.TakeWhile(char.IsLetter).Count();
        return (int.Parse(reference.AsSpan(letters), CultureInfo.InvariantCulture), Pipeline.Spreadsheets.Reading.ColumnName.Parse(reference.AsSpan(0, letters)));
    }
}
