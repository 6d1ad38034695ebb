namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// A text of one to fifteen ASCII digits (no sign, no point, leading zeros allowed) read as the whole number it is:
/// what most counts in a file are, read without the general number parsers (issue 27). Fifteen digits stay exact
/// as a <see cref="double"/> (below 2^53) and as a <see cref="decimal"/> of scale 0, so either parser would give the
/// same value; any other text is left to them.
/// </summary>
internal static class AsciiWholeNumber
{
    /// <summary>The most digits read here.</summary>
    public const int MaxDigits = 15;

    /// <summary>True, with the number, where <paramref name="text"/> is one to fifteen ASCII digits.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long number)
    {
        number = 0;
        if (text.Length is 0 or > MaxDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                number = 0;
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }
}
