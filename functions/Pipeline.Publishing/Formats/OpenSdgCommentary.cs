using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// The department's latest commentary of an indicator in its Open SDG meta file (RULES.md §13): as plain fields
/// (<c>commentary_fiscal_year</c>, <c>commentary_assessment</c>, <c>commentary_issues</c>,
/// <c>commentary_next_steps</c>) and as <c>page_content</c>, which Open SDG renders as Markdown on the indicator's
/// page: there every text is escaped for HTML and Markdown, so that what a department typed is shown, never run.
/// </summary>
public static class OpenSdgCommentary
{
    private static readonly JavaScriptEncoder Quoting = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>Characters Markdown gives a meaning to, each escaped with a backslash.</summary>
    private const string MarkdownCharacters = "\\`*_{}[]()#+-.!|~>";

    /// <summary>The meta lines of the latest commentary, or nothing where the indicator has none.</summary>
    public static string Meta(FeedIndicator indicator)
    {
        if (indicator.Commentary is not { Count: > 0 } entries)
        {
            return "";
        }

        var latest = entries[^1];
        var parts = new (string Key, string Heading, LocalizedText? Text)[]
        {
            ("assessment", "評価・要因分析", latest.Assessment),
            ("issues", "課題", latest.Issues),
            ("next_steps", "今後の方向性", latest.NextSteps),
        };
        var meta = new StringBuilder()
            .Append("commentary_fiscal_year: ").Append(Year(latest.FiscalYear)).Append('\n');
        var page = new StringBuilder();
        foreach (var (key, heading, text) in parts.Where(p => p.Text is not null))
        {
            meta.Append("commentary_").Append(key).Append(": ").Append(Quote(text!.Ja)).Append('\n');
            if (text.En is { } en)
            {
                meta.Append("commentary_").Append(key).Append("_en: ").Append(Quote(en)).Append('\n');
            }

            page.Append("**").Append(heading).Append("（FY").Append(Year(latest.FiscalYear)).Append("）**\n\n")
                .Append(Markdown(text.Ja)).Append("\n\n");
        }

        return meta.Append("page_content: ").Append(Quote(page.ToString().TrimEnd())).Append('\n').ToString();
    }

    /// <summary>Text shown as itself in Markdown: HTML-escaped, Markdown's characters escaped, lines kept.</summary>
    public static string Markdown(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in WebUtility.HtmlEncode(text.ReplaceLineEndings("\n")))
        {
            if (MarkdownCharacters.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c == '\n' ? "  \n" : c.ToString());
        }

        return escaped.ToString();
    }

    private static string Year(int fiscalYear) => fiscalYear.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => $"\"{JsonEncodedText.Encode(value, Quoting)}\"";
}
