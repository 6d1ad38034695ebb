using System.Text;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>What an Excel number format shows a number as: a percentage, a date, or a plain number.</summary>
internal enum NumberFormatKind
{
    Plain,
    Percent,
    Date,
}

internal static class NumberFormat
{
    private static readonly System.Buffers.SearchValues<char> DateTokens = System.Buffers.SearchValues.Create("ymdegh");

    /// <summary>Classifies a built-in format id (ECMA-376 §18.8.30, plus the Japanese-locale date ids).</summary>
    public static NumberFormatKind OfBuiltIn(uint id) => id switch
    {
        9 or 10 => NumberFormatKind.Percent,
        >= 14 and <= 22 => NumberFormatKind.Date,
        >= 27 and <= 36 => NumberFormatKind.Date,
        >= 45 and <= 47 => NumberFormatKind.Date,
        >= 50 and <= 58 => NumberFormatKind.Date,
        _ => NumberFormatKind.Plain,
    };

    /// <summary>Classifies a format code such as <c>0.0%</c>, <c>[$-ja-JP]ggge"年"m"月"d"日"</c> or
    /// <c>#,##0"件"</c>.</summary>
    public static NumberFormatKind OfCode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@")
        {
            return NumberFormatKind.Plain;
        }

        // Only the first section (positive numbers) decides; quoted text, escapes and [..] blocks do not count.
        var bare = new StringBuilder(code.Length);
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }

            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"': inQuote = true; break;
                case '[': inBracket = true; break;
                case '\\' or '_' or '*': i++; break;
                case ';': i = code.Length; break;
                default: bare.Append(char.ToLowerInvariant(c)); break;
            }
        }

        var text = bare.ToString();
        if (text.Contains('%', StringComparison.Ordinal))
        {
            return NumberFormatKind.Percent;
        }

        return text.AsSpan().IndexOfAny(DateTokens) >= 0 ? NumberFormatKind.Date : NumberFormatKind.Plain;
    }
}
