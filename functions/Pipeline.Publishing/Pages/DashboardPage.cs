using System.Text;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Pages;

/// <summary>
/// A plan's dashboard page, index.html: the static page (Pages/Dashboard/index.html, which renders progress.json in
/// the browser) with the plan's schema.org Dataset (<see cref="DatasetJsonLd"/>) written into its head, so that search
/// engines and catalogues that run no script read it.
/// </summary>
public static class DashboardPage
{
    /// <summary>
    /// The Content-Security-Policy the dashboard passes, for a server that can send one (<c>pipeline serve</c>): its
    /// own scripts, styles and data only (its bars' widths are set through the CSSOM, which the policy allows; the
    /// Dataset is a data block, not a script), no plugin, no base, no framing by another site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'self'";

    /// <summary>The line of the template the Dataset replaces.</summary>
    public const string Placeholder = "<!-- schema.org Dataset: written by DashboardPage -->";

    /// <summary>The page's bytes from the template's, with the Dataset of <paramref name="feed"/>.</summary>
    public static byte[] Write(byte[] template, ProgressFeed feed,
        IEnumerable<(string Path, string MediaType)> downloads)
    {
        var page = Encoding.UTF8.GetString(template);
        if (!page.Contains(Placeholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The dashboard template has no line {Placeholder}.");
        }

        return Encoding.UTF8.GetBytes(
            page.Replace(Placeholder, DatasetJsonLd.Script(DatasetJsonLd.ForPlan(feed, downloads)),
            StringComparison.Ordinal));
    }
}
