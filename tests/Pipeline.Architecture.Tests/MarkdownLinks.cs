using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// The relative links of a Markdown file and the anchors its headings give, as GitHub renders them. Links inside
/// fenced code blocks and code spans are not links; web and mail addresses are not followed.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Every relative link target of <paramref name="markdown"/> (a path, a path#anchor or #anchor).</summary>
    public static IReadOnlyList<string> RelativeTargets(string markdown) =>
        Prose(markdown)
            .SelectMany(line => Link().Matches(CodeSpan().Replace(line, "")).Select(m => m.Groups["target"].Value))
            .Where(t => !t.Contains("://", StringComparison.Ordinal)
                && !t.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The anchors of the file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static IReadOnlySet<string> Anchors(string markdown) =>
        Prose(markdown)
            .Select(line => Heading().Match(line))
            .Where(m => m.Success)
            .Select(m => Slug(m.Groups["text"].Value))
            .ToHashSet(StringComparer.Ordinal);

    private static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c is ' ' or '-')
            {
                slug.Append('-');
            }
            else if (c == '_' || char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    private static IEnumerable<string> Prose(string markdown)
    {
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*$")]
    private static partial Regex Heading();
}
