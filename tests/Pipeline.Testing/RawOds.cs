using System.IO.Compression;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// Writes an OpenDocument spreadsheet package (.ods) from raw <c>content.xml</c>, as ODF 1.2 lays it out: the
/// uncompressed <c>mimetype</c> entry first, then the manifest and the content. For the builder's output and
/// for files no spreadsheet program would write: DTDs, entity bombs, deep nesting, claimed repeats.
/// </summary>
public static class RawOds
{
    public const string MimeType = "application/vnd.oasis.opendocument.spreadsheet";

    /// <summary>The namespaces of a spreadsheet's content.</summary>
    public const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " +
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" " +
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

    /// <summary>content.xml holding the given tables (<c>&lt;table:table&gt;</c> elements), after an optional prolog (a DTD).</summary>
    public static string Content(string tablesXml, string prolog = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{prolog}<office:document-content {Namespaces} office:version=\"1.3\">" +
        $"<office:body><office:spreadsheet>{tablesXml}</office:spreadsheet></office:body></office:document-content>";

    /// <summary>One sheet of rows (<c>&lt;table:table-row&gt;</c> elements).</summary>
    public static string Table(string name, string rowsXml) =>
        $"<table:table table:name=\"{System.Security.SecurityElement.Escape(name)}\">{rowsXml}</table:table>";

    /// <summary>Rows of string and float cells, as a spreadsheet program writes them.</summary>
    public static string Rows(params string[][] rows)
    {
        var xml = new StringBuilder();
        foreach (var row in rows)
        {
            xml.Append("<table:table-row>");
            foreach (var value in row)
            {
                xml.Append(double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? $"<table:table-cell office:value-type=\"float\" office:value=\"{value}\"><text:p>{value}</text:p></table:table-cell>"
                    : $"<table:table-cell office:value-type=\"string\"><text:p>{System.Security.SecurityElement.Escape(value)}</text:p></table:table-cell>");
            }

            xml.Append("</table:table-row>");
        }

        return xml.ToString();
    }

    /// <summary>A package around <paramref name="contentXml"/>, with optional extra entries (macros, a bomb).</summary>
    public static byte[] Package(string contentXml, IReadOnlyDictionary<string, byte[]>? extraParts = null, string mimeType = MimeType)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", mimeType, CompressionLevel.NoCompression);
            Add(zip, "META-INF/manifest.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">" +
                $"<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{mimeType}\"/>" +
                "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>", CompressionLevel.Optimal);
            Add(zip, "content.xml", contentXml, CompressionLevel.Optimal);
            foreach (var (name, content) in extraParts ?? new Dictionary<string, byte[]>())
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A package whose content.xml expands to <paramref name="bytes"/> of white space: a zip bomb.</summary>
    public static byte[] Bomb(long bytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", MimeType, CompressionLevel.NoCompression);
            using var entry = zip.CreateEntry("content.xml", CompressionLevel.SmallestSize).Open();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                entry.Write(chunk);
            }
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var entry = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        entry.Write(content);
    }
}
