using System.Globalization;
using System.Xml;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// What each cell style of an .xlsx shows a number as: the first <c>cellXfs</c>' <c>xf numFmtId</c>, looked up in
/// the first <c>numFmts</c> (the first definition of an id counts) or among the built-in formats.
/// </summary>
internal static class XlsxStyles
{
    /// <summary>The number format kind of each cell style, by index; none where the part has no
    /// <c>cellXfs</c>.</summary>
    public static NumberFormatKind[] Read(XmlReader xml)
    {
        var custom = new Dictionary<uint, NumberFormatKind>();
        List<uint?>? cellFormats = null;
        string? section = null;
        var sectionsSeen = new HashSet<string>(StringComparer.Ordinal);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == 1)
            {
                section = null;
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.Depth == 1)
            {
                // Only the first of each section counts, as the Open XML SDK's Stylesheet.CellFormats did.
                section = null;
                if (xml.LocalName is "numFmts" or "cellXfs" && sectionsSeen.Add(xml.LocalName))
                {
                    cellFormats ??= xml.LocalName == "cellXfs" ? [] : null;
                    section = xml.IsEmptyElement ? null : xml.LocalName;
                }
            }
            else if (xml.Depth == 2 && section == "numFmts" && xml.LocalName == "numFmt"
                && Id(xml) is { } id)
            {
                custom.TryAdd(id, NumberFormat.OfCode(xml.GetAttribute("formatCode")));
            }
            else if (xml.Depth == 2 && section == "cellXfs" && xml.LocalName == "xf")
            {
                cellFormats!.Add(Id(xml));
            }
        }

        return cellFormats is null ? [] : [.. cellFormats.Select(id => id is { } value
            ? custom.TryGetValue(value, out var kind) ? kind : NumberFormat.OfBuiltIn(value)
            : NumberFormatKind.Plain)];
    }

    private static uint? Id(XmlReader xml) => xml.GetAttribute("numFmtId") is { } text
        ? uint.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw XlsxPackage.Broken("書式（styles.xml）の numFmtId が壊れています。",
                "A numFmtId in the styles part (styles.xml) is broken.")
        : null;
}
