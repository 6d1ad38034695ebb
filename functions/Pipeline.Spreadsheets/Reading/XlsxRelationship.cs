using System.Xml;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>One relationship of a package part (Open Packaging Conventions): its id, type, target and whether the
/// target lies outside the package.</summary>
internal sealed record XlsxRelationship(string Id, string Type, string Target, bool External)
{
    private const string Transitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

    /// <summary>Whether the relationship is of the given kind (<c>worksheet</c>, <c>sharedStrings</c> …), in
    /// transitional or strict SpreadsheetML.</summary>
    public bool Is(string kind) =>
        Type.Length == Transitional.Length + kind.Length
            ? Type.StartsWith(Transitional, StringComparison.Ordinal) && Type.EndsWith(kind, StringComparison.Ordinal)
            : Type.Length == Strict.Length + kind.Length
                && Type.StartsWith(Strict, StringComparison.Ordinal) && Type.EndsWith(kind, StringComparison.Ordinal);

    /// <summary>The relationships in a relationship part; one without an id, type or target is refused.</summary>
    public static List<XlsxRelationship> Read(XmlReader xml)
    {
        var relationships = new List<XlsxRelationship>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship")
            {
                continue;
            }

            if (xml.GetAttribute("Id") is not { } id || xml.GetAttribute("Type") is not { } type
                || xml.GetAttribute("Target") is not { } target)
            {
                throw XlsxPackage.Broken("パッケージの関係（.rels）が壊れています。",
                    "A relationship part (.rels) of the package is broken.");
            }

            relationships.Add(new XlsxRelationship(id, type, target,
                string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.Ordinal)));
        }

        return relationships;
    }
}
