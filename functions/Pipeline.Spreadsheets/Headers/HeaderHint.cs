using Pipeline.Spreadsheets.Parsing;
namespace Pipeline.Spreadsheets.Headers;

/// <summary>
/// The nearest accepted heading to one that was not understood (edit distance over the
/// <see cref="HeaderVocabulary.Headings"/>), for the <c>header_not_found</c> refusal.
/// </summary>
internal static class HeaderHint
{
    /// <summary>
    /// The nearest heading, or null where none is within half the heading's length; a text longer than a heading
    /// can be (<see cref="HeaderVocabulary.MaxHeadingLength"/>) has none, so the distances cost a bounded amount.
    /// </summary>
    public static string? Nearest(string text)
    {
        var key = JapaneseText.Key(text);
        if (key.Length is 0 or > HeaderVocabulary.MaxHeadingLength)
        {
            return null;
        }

        var best = HeaderVocabulary.Headings.Select(h => (Heading: h, Distance: Distance(key, h)))
            .OrderBy(h => h.Distance).ThenBy(h => Math.Abs(h.Heading.Length - key.Length))
                .ThenBy(h => h.Heading, StringComparer.Ordinal).First();
        return best.Distance <= Math.Max(1, key.Length / 2) ? best.Heading : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
