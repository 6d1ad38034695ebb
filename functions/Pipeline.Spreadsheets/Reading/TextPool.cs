namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The same string for the same short text, looked up by its characters: ids, years, areas and months repeat row
/// after row, and each is made into a string once (issue 27). Bounded: at most 4,096 texts of up to 64 characters
/// are kept; any other text is a new string.
/// </summary>
internal sealed class TextPool
{
    private const int MaxTexts = 4096;
    private const int MaxLength = 64;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The text as a string, the pooled one where it was seen before.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        var texts = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (texts.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        if (_texts.Count < MaxTexts)
        {
            _texts[made] = made;
        }

        return made;
    }
}
