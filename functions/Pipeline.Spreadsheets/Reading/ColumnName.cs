namespace Pipeline.Spreadsheets.Reading;

/// <summary>Spreadsheet column letters: 1 → A, 27 → AA.</summary>
public static class ColumnName
{
    public static string Of(int column)
    {
        Span<char> buffer = stackalloc char[8];
        var i = buffer.Length;
        while (column > 0)
        {
            column--;
            buffer[--i] = (char)('A' + (column % 26));
            column /= 26;
        }

        return new string(buffer[i..]);
    }

    /// <summary>The 1-based column of a reference such as <c>AB12</c>, or 0.</summary>
    public static int Parse(ReadOnlySpan<char> reference)
    {
        long column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
            if (column > 1_000_000)
            {
                return 1_000_000; // far past any limit; the caller reports too many columns
            }
        }

        return (int)column;
    }
}
