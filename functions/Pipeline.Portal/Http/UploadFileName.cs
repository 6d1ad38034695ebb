using System.Globalization;
using System.Text;
using Pipeline.Spreadsheets;

namespace Pipeline.Portal.Http;

/// <summary>
/// The file name a department's upload is stored under: the last path segment only, NFC, without control or
/// markup-significant characters (<c>&lt; &gt; : " | ? * \</c> become <c>_</c>), no leading dots or spaces, and
/// shorter than 200 characters with its extension kept. Only the formats the reader accepts pass.
/// </summary>
public static class UploadFileName
{
    /// <summary>Longest name kept, in characters (fewer than 200).</summary>
    public const int MaxLength = 199;

    /// <summary>The cleaned name; null when nothing usable is left.</summary>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var last = raw.Replace('\\', '/').Split('/').Last();
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c)
                || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' or '#' or '%' ? '_' : c);
        }

        var name = builder.ToString().Trim().TrimStart('.', ' ');
        // A name that is only an extension (".csv") names no file: missing, not an unsupported format.
        if (name.Length == 0 || Path.GetFileNameWithoutExtension(builder.ToString().Trim()).Trim('.', ' ').Length == 0)
        {
            return null;
        }

        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length < 16 ? extension : "";
            var stem = name[..(MaxLength - extension.Length)];
            // Never cut a surrogate pair in two.
            stem = char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem;
            name = stem + extension;
        }

        return name;
    }

    /// <summary>Whether the name ends in an accepted format.</summary>
    public static bool IsAcceptedFormat(string name) =>
        SubmissionReader.AcceptedExtensions.Contains(Path.GetExtension(name).ToLowerInvariant(),
            StringComparer.Ordinal);
}
