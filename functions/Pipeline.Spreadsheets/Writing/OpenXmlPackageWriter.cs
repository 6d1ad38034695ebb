using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace Pipeline.Spreadsheets.Writing;

/// <summary>
/// Writes an Open XML package (.xlsx, .docx) straight into a zip, each part streamed into its entry as it is written:
/// <c>[Content_Types].xml</c> first, then every part and relationship part by path, each stamped 1980-01-01 (a zip's
/// earliest time), so the same content gives the same bytes. The Open XML SDK's own package kept every part whole
/// in memory until it was closed, and its zip then had to be unpacked and packed again in a fixed order; a large
/// plan's committee documents were most of a nightly run's time (issue 27).
/// </summary>
public static class OpenXmlPackageWriter
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";

    // A part's XML as the SDK's package wrote it: UTF-8 without a byte order mark.
    private static readonly UTF8Encoding PartEncoding = new(false);

    // As System.IO.Packaging wrote them: UTF-8 with a byte order mark.
    private static readonly XmlWriterSettings PackageXml =
        new() { Encoding = new UTF8Encoding(true), CloseOutput = false };

    /// <summary>
    /// Writes the package to <paramref name="output"/>, left open: <paramref name="main"/> is the document, related
    /// from the package by <paramref name="mainId"/> and typed by the default for .xml; <paramref name="parts"/> are
    /// the others, their content types listed in this order.
    /// </summary>
    public static void Write(
        Stream output, OpenXmlPackagePart main, string mainId, IReadOnlyList<OpenXmlPackagePart> parts)
    {
        var entries = new List<(string Path, Action<Stream> Write)>
        {
            ("_rels/.rels",
                s => Relationships(s, [new(mainId, OpenXmlRelationship.OfficeDocumentType, "/" + main.Path)])),
        };
        foreach (var part in (IEnumerable<OpenXmlPackagePart>)[main, .. parts])
        {
            entries.Add((part.Path, part.Write));
            if (part.Relationships.Count > 0)
            {
                var slash = part.Path.LastIndexOf('/');
                entries.Add(($"{part.Path[..(slash + 1)]}_rels/{part.Path[(slash + 1)..]}.rels",
                    s => Relationships(s, part.Relationships)));
            }
        }

        StampedZip.Write(output,
            [("[Content_Types].xml", s => ContentTypes(s, main, parts)),
                .. entries.OrderBy(e => e.Path, StringComparer.Ordinal)],
            default);
    }

    /// <summary>A writer of one part's XML to <paramref name="output"/>, its declaration written: UTF-8 without a
    /// byte order mark, as the SDK's package wrote parts.</summary>
    public static OpenXmlWriter PartWriter(Stream output)
    {
        var writer = OpenXmlWriter.Create(output, PartEncoding);
        writer.WriteStartDocument();
        return writer;
    }

    private static void ContentTypes(Stream output, OpenXmlPackagePart main, IReadOnlyList<OpenXmlPackagePart> parts)
    {
        using var xml = XmlWriter.Create(output, PackageXml);
        xml.WriteStartDocument();
        xml.WriteStartElement("Types", ContentTypesNamespace);
        Default(xml, "xml", main.ContentType);
        Default(xml, "rels", RelationshipsContentType);
        foreach (var part in parts)
        {
            xml.WriteStartElement("Override", ContentTypesNamespace);
            xml.WriteAttributeString("PartName", "/" + part.Path);
            xml.WriteAttributeString("ContentType", part.ContentType);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ContentTypesNamespace);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Relationships(Stream output, IReadOnlyList<OpenXmlRelationship> relationships)
    {
        using var xml = XmlWriter.Create(output, PackageXml);
        xml.WriteStartDocument();
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        foreach (var relationship in relationships)
        {
            xml.WriteStartElement("Relationship", RelationshipsNamespace);
            xml.WriteAttributeString("Type", relationship.Type);
            xml.WriteAttributeString("Target", relationship.Target);
            xml.WriteAttributeString("Id", relationship.Id);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
