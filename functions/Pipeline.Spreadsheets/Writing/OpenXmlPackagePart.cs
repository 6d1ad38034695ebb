namespace Pipeline.Spreadsheets.Writing;

/// <summary>One part of an Open XML package: where it lies, its content type, what writes it and what it
/// relates to.</summary>
/// <param name="Path">The part's path in the zip, without the leading slash (<c>xl/workbook.xml</c>).</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Write">Writes its XML to the stream given.</param>
public sealed record OpenXmlPackagePart(string Path, string ContentType, Action<Stream> Write)
{
    /// <summary>The part's relationships to other parts (written to its <c>_rels</c> part).</summary>
    public IReadOnlyList<OpenXmlRelationship> Relationships { get; init; } = [];
}
