using System.IO.Compression;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// Writes an .xlsx package part by part from raw XML, for files no spreadsheet program would write:
/// DTDs, entity bombs, deep nesting, broken references, macros.
/// </summary>
public static class RawXlsx
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static string Sheet(string rowsXml, string prolog = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>{prolog}<worksheet xmlns=\"{Main}\"><sheetData>{rowsXml}</sheetData></worksheet>";

    /// <summary>A header row and data rows of inline strings / numbers (t="inlineStr" for text).</summary>
    public static string Rows(params string[][] rows)
    {
        var xml = new StringBuilder();
        for (var r = 0; r < rows.Length; r++)
        {
            xml.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                var value = rows[r][c];
                xml.Append(double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? $"<c r=\"{reference}\"><v>{value}</v></c>"
                    : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(value)}</t></is></c>");
            }

            xml.Append("</row>");
        }

        return xml.ToString();
    }

    /// <summary>A package with one sheet, and optionally shared strings and extra parts.</summary>
    public static byte[] Package(string sheetXml, string? sharedStringsXml = null, string? workbookXml = null,
        IReadOnlyDictionary<string, byte[]>? extraParts = null, string workbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") =>
        Package(writer => writer.Write(sheetXml), sharedStringsXml, workbookXml, extraParts, workbookContentType);

    /// <summary>A package whose sheet part is written as it streams into the zip (for parts too large to hold as a string).</summary>
    public static byte[] Package(Action<TextWriter> writeSheet, string? sharedStringsXml = null, string? workbookXml = null,
        IReadOnlyDictionary<string, byte[]>? extraParts = null, string workbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") =>
        Package([writeSheet], sharedStringsXml, workbookXml, extraParts, workbookContentType);

    /// <summary>A workbook of several sheets (S1, S2 …), each its own part, sharing one shared-string table.</summary>
    public static byte[] Workbook(IReadOnlyList<string> sheetXmls, string? sharedStringsXml = null)
    {
        var names = string.Concat(sheetXmls.Select((_, i) => $"<sheet name=\"S{i + 1}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"));
        var workbook = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" " +
            $"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{names}</sheets></workbook>";
        return Package(sheetXmls.Select(xml => (Action<TextWriter>)(writer => writer.Write(xml))).ToList(), sharedStringsXml, workbook, null,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    }

    private static byte[] Package(IReadOnlyList<Action<TextWriter>> sheets, string? sharedStringsXml, string? workbookXml,
        IReadOnlyDictionary<string, byte[]>? extraParts, string workbookContentType)
    {
        const string worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
        var sheetTypes = string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"{worksheet}\"/>"));
        var sheetRelations = string.Concat(sheets.Select((_, i) =>
            $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"));
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>" +
                $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{workbookContentType}\"/>" + sheetTypes +
                (sharedStringsXml is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") +
                "</Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", workbookXml ??
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sheetRelations +
                (sharedStringsXml is null ? "" : "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>");
            for (var i = 0; i < sheets.Count; i++)
            {
                using var sheet = new StreamWriter(zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml").Open(), new UTF8Encoding(false));
                sheets[i](sheet);
            }

            if (sharedStringsXml is not null)
            {
                Add(zip, "xl/sharedStrings.xml", sharedStringsXml);
            }

            foreach (var (name, content) in extraParts ?? new Dictionary<string, byte[]>())
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A package whose sheet part expands to <paramref name="bytes"/> of white space: a zip bomb.</summary>
    public static byte[] Bomb(long bytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                entry.Write(chunk);
            }
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        entry.Write(content);
    }
}
