namespace Pipeline.Spreadsheets.Writing;

/// <summary>A relationship from a part of an Open XML package to another part, by its absolute path.</summary>
/// <param name="Id">The relationship's id, named rather than random so the same content gives the same bytes.</param>
/// <param name="Type">The relationship type's URI.</param>
/// <param name="Target">The target part's path from the package root (<c>/xl/styles.xml</c>).</param>
public sealed record OpenXmlRelationship(string Id, string Type, string Target)
{
    /// <summary>The relationship types used here.</summary>
    public const string OfficeDocumentType =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    public const string StylesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

    public const string WorksheetType =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
}
