namespace Pipeline.Publishing.Formats;

/// <summary>
/// A column of a published CSV file as its Table Schema field: name (the header cell), type, Japanese title,
/// English description, and <paramref name="Identifier"/>, the ASCII name metadata formats that allow no other
/// (CSVW) use where the header is Japanese.
/// </summary>
public sealed record TableColumn(string Name, string Type, string Title, string Description, string? Identifier = null)
{
    /// <summary>The column's ASCII name: <see cref="Identifier"/>, or the header where that is ASCII already.</summary>
    public string AsciiName => Identifier ?? Name;
}
