using System.Text;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>Text as departments type it, made comparable: NFKC (full-width to half-width), trimmed.</summary>
internal static class JapaneseText
{
    /// <summary>NFKC and trimmed; NFKC maps full-width digits and letters (９５．１％, Ｒ３) to ASCII.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // ASCII is its own NFKC form: skip the normalisation (the common case for ids, years and numbers).
        return System.Text.Ascii.IsValid(text) ? text.Trim() : text.Normalize(NormalizationForm.FormKC).Trim();
    }

    /// <summary>A key for matching names and headers: NFKC, no white space, no 「」『』"', lower-case ASCII.</summary>
    public static string Key(string? text)
    {
        var normalized = Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || c is '「' or '」' or '『' or '』' or '"' or '\'' or '“' or '”')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A name key that also ignores the （年間） "per year" suffix.</summary>
    public static string NameKey(string? text)
    {
        var key = Key(text);
        return key.EndsWith("(年間)", StringComparison.Ordinal) ? key[..^4] : key;
    }
}
