using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Progress;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Pages;

/// <summary>
/// The landing page of the open-data container, <c>index.html</c> (RULES.md §7): every plan with its
/// period, status and indicators per status, each linking to its dashboard and files, the zip of every plan's
/// files, and the deployment's schema.org Dataset (<see cref="DatasetJsonLd"/>) for search engines. Static HTML,
/// every text from a plan file escaped; readable on a phone (nothing wider than the screen, long words wrap).
/// </summary>
public static class LandingPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page as UTF-8.</summary>
    public static byte[] Write(PlanIndexDocument index)
    {
        var page = new StringBuilder();
        var publisher = index.Publisher?.Name.Ja ?? "";
        page.Append("<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(publisher)).Append(" 計画の進捗 / Plan progress</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<style>body{font-family:\"Noto Sans JP\",\"Hiragino Sans\",Meiryo,sans-serif;max-width:60rem;" +
                "margin:2rem auto;")
            .Append("padding:0 1rem;color:#1b1b1b;background:#fff;line-height:1.6;overflow-wrap:" +
                "anywhere}h1{font-size:1.4rem}")
            .Append("li{margin:1rem 0}.closed{color:#595959}.status{font-size:.9rem}a{color:#0b57b3}</style>\n")
            .Append(DatasetJsonLd.Script(
                DatasetJsonLd.ForIndex(index, FeedPaths.IndexPath, FeedPaths.DeploymentZipPath))).Append('\n')
            .Append("</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(E(publisher))
                .Append(" 計画の成果指標 進捗状況 <small>Progress of plans' outcome indicators</small></h1>\n")
            .Append("<p>更新 Updated: <time>")
                .Append(index.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'JST'", CultureInfo.InvariantCulture))
            .Append("</time> · <a href=\"").Append(FeedPaths.IndexPath).Append("\">index.json</a> · <a href=\"")
            .Append(FeedPaths.DeploymentZipPath)
                .Append("\" id=\"all-plans-zip\">全計画のファイル zip / every plan's files (zip)</a></p>\n")
            .Append("</header>\n<main>\n<ul id=\"plans\">\n");
        foreach (var plan in index.Plans)
        {
            var status = StatusLabels.Of(plan.Status);
            var folder = "feeds/v1/";
            page.Append("<li class=\"plan ").Append(PipelineJson.Name(plan.Status)).Append("\" data-plan=\"")
                .Append(E(plan.Id)).Append("\">")
                .Append("<a href=\"").Append(E(folder + plan.Links.Dashboard)).Append("\"><strong>")
                    .Append(E(plan.Name.Ja)).Append("</strong></a>");
            if (plan.Name.En is { } en)
            {
                page.Append(" <span lang=\"en\">").Append(E(en)).Append("</span>");
            }

            page.Append("<br>FY").Append(plan.StartFiscalYear).Append("–FY").Append(plan.EndFiscalYear)
                .Append(" · <span class=\"plan-status\">").Append(E(status.Ja)).Append(' ').Append(E(status.En ?? ""))
                    .Append("</span>")
                .Append("<br><span class=\"status\">");
            foreach (var (name, count) in plan.StatusCounts)
            {
                var label = StatusLabels.Of(FeedBuilder.CountedStatuses.Single(s => PipelineJson.Name(s) == name));
                page.Append(E(label.Ja)).Append(' ').Append(E(label.En ?? name)).Append(": ").Append(count)
                    .Append(" · ");
            }

            page.Append("</span><br>");
            var links = new[]
            {
                (plan.Links.Json, "JSON"), (plan.Links.Csv, "CSV"), (plan.Links.Sdmx, "SDMX-CSV"),
                    (plan.Links.SdmxStructure, "SDMX DSD"),
                (plan.Links.Csvw, "CSVW"), (plan.Links.Datapackage, "Data Package"), (plan.Links.Zip, "zip"),
            };
            page.AppendJoin(" · ", links.Select(l => $"<a href=\"{E(folder + l.Item1)}\">{l.Item2}</a>"))
                .Append("</li>\n");
        }

        page.Append("</ul>\n</main>\n<footer>\n<p>CC BY 4.0</p>\n</footer>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(page.ToString());
    }

    private static string E(string text) => Html.Encode(text);
}
