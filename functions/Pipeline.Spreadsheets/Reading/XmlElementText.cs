using System.Text;
using System.Xml;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The text of the element an XmlReader stands on, read as <see cref="XmlReader.ReadElementContentAsString()"/>
/// reads it (its text, CDATA and white space joined, comments and processing instructions left out, a child element
/// refused, the reader left on the node after the end tag) without that method's general machinery: one cell value
/// is one text node, handed back as the reader's own string (issue 27: the general method was a fifth of reading an
/// .xlsx sheet).
/// </summary>
internal static class XmlElementText
{
    /// <summary>The text of the non-empty start element <paramref name="xml"/> stands on.</summary>
    public static string Read(XmlReader xml)
    {
        string? first = null;
        StringBuilder? joined = null;
        var element = xml.LocalName;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    var value = xml.Value;
                    if (first is null && joined is null)
                    {
                        first = value;
                    }
                    else
                    {
                        joined ??= new StringBuilder(first);
                        first = null;
                        joined.Append(value);
                    }

                    break;
                case XmlNodeType.Comment:
                case XmlNodeType.ProcessingInstruction:
                    break;
                case XmlNodeType.EndElement:
                    xml.Read();
                    return first ?? joined?.ToString() ?? "";
                default:
                    throw Refused(xml, $"<{element}> holds a {xml.NodeType} where only text may stand.");
            }
        }

        throw Refused(xml, $"<{element}> is not closed.");
    }

    private static XmlException Refused(XmlReader xml, string message) =>
        xml is IXmlLineInfo { } line && line.HasLineInfo()
            ? new XmlException(message, null, line.LineNumber, line.LinePosition)
            : new XmlException(message);
}
